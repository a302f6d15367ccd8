package io.junctionsql.planner.semantic;

import io.junctionsql.planner.config.ConfigException;

import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.junctionsql.planner.semantic.CsnTestFiles.csn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each kind of bad input fails with a ConfigException that says where and what to do. */
class CsnErrorsTest {
  @TempDir Path dir;

  private Path file;

  /** Reads the CSN from a file, so messages must name that file. */
  private AbstractThrowableAssert<?, ? extends Throwable> readingFails(String content) throws IOException {
    file = Files.writeString(dir.resolve("space.json"), content);
    return assertThatThrownBy(() -> new CsnReader().read(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("CSN file " + file);
  }

  /** An entity "Orders" with the given elements besides its key. */
  private AbstractThrowableAssert<?, ? extends Throwable> ordersFail(String elements) throws IOException {
    return readingFails(csn("\"Orders\": {\"kind\": \"entity\", \"elements\": {"
        + "\"OrderID\": {\"type\": \"cds.String\", \"key\": true}, " + elements + "}}"))
        .hasMessageContaining("definition 'Orders'");
  }

  @Test void aMissingFile() {
    Path missing = dir.resolve("nowhere.json");
    assertThatThrownBy(() -> new CsnReader().read(missing))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("CSN file " + missing)
        .hasMessageContaining("does not exist");
  }

  @Test void anErrorCarriesTheConfigurationSqlState() {
    Path missing = dir.resolve("nowhere.json");
    assertThatThrownBy(() -> new CsnReader().read(missing))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.sqlState()).isEqualTo("F0000"));
  }

  @Test void aFolderWithoutCsnFiles() throws IOException {
    Files.writeString(dir.resolve("notes.txt"), "not CSN");
    assertThatThrownBy(() -> new CsnReader().read(dir))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("CSN folder " + dir)
        .hasMessageContaining("no .json or .csn file");
  }

  @Test void invalidJsonWithLineAndColumn() throws IOException {
    readingFails("{\n  \"definitions\": {\n    \"Orders\": {\"kind\": \"entity\",, }\n  }\n}")
        .hasMessageContaining("not valid JSON")
        .hasMessageContaining("line 3, column");
  }

  @Test void jsonThatIsNotCsn() throws IOException {
    readingFails("{\"name\": \"junction\", \"version\": 1}")
        .hasMessageContaining("no \"definitions\" object");
  }

  @Test void anEntityWithoutElements() throws IOException {
    readingFails(csn("\"Orders\": {\"kind\": \"entity\", \"query\": {\"SELECT\": {\"from\": {\"ref\": [\"T\"]}}}}"))
        .hasMessageContaining("definition 'Orders'")
        .hasMessageContaining("no \"elements\"");
  }

  @Test void anAmountWhoseCurrencyColumnDoesNotExist() throws IOException {
    ordersFail("\"Amount\": {\"type\": \"cds.Decimal\", \"@Semantics.amount.currencyCode\": {\"=\": \"Curr\"}}")
        .hasMessageContaining("element 'Amount'")
        .hasMessageContaining("@Semantics.amount.currencyCode names 'Curr'")
        .hasMessageContaining("its columns: OrderID, Amount");
  }

  @Test void aQuantityWhoseUnitColumnDoesNotExist() throws IOException {
    ordersFail("\"Qty\": {\"type\": \"cds.Decimal\", \"@Semantics.quantity.unitOfMeasure\": {\"=\": \"UoM\"}}")
        .hasMessageContaining("element 'Qty'")
        .hasMessageContaining("@Semantics.quantity.unitOfMeasure names 'UoM'");
  }

  @Test void aTextElementThatDoesNotExist() throws IOException {
    ordersFail("\"Status\": {\"type\": \"cds.String\", \"@ObjectModel.text.element\": [{\"=\": \"StatusText\"}]}")
        .hasMessageContaining("element 'Status'")
        .hasMessageContaining("@ObjectModel.text.element names 'StatusText'");
  }

  @Test void aTextAssociationThatIsNotAnAssociation() throws IOException {
    ordersFail("\"Status\": {\"type\": \"cds.String\", \"@ObjectModel.text.association\": {\"=\": \"Name\"}}, "
        + "\"Name\": {\"type\": \"cds.String\"}")
        .hasMessageContaining("element 'Status'")
        .hasMessageContaining("@ObjectModel.text.association names 'Name'")
        .hasMessageContaining("its associations: none");
  }

  @Test void aForeignKeyOfAnUnknownAssociation() throws IOException {
    ordersFail("\"CustomerID\": {\"type\": \"cds.String\", "
        + "\"@ObjectModel.foreignKey.association\": {\"=\": \"_Cust\"}}, "
        + "\"_Customer\": {\"type\": \"cds.Association\", \"target\": \"Customers\", "
        + "\"on\": [{\"ref\": [\"_Customer\", \"CustomerID\"]}, \"=\", {\"ref\": [\"CustomerID\"]}]}")
        .hasMessageContaining("element 'CustomerID'")
        .hasMessageContaining("names '_Cust'")
        .hasMessageContaining("its associations: _Customer");
  }

  @Test void anOnConditionNamingAnUnknownColumnOfTheEntity() throws IOException {
    ordersFail("\"_Customer\": {\"type\": \"cds.Association\", \"target\": \"Customers\", "
        + "\"on\": [{\"ref\": [\"_Customer\", \"CustomerID\"]}, \"=\", {\"ref\": [\"CustID\"]}]}")
        .hasMessageContaining("element '_Customer'")
        .hasMessageContaining("names 'CustID'")
        .hasMessageContaining("not a column of 'Orders'");
  }

  @Test void anOnConditionNamingAnUnknownColumnOfTheTarget() throws IOException {
    readingFails(csn("""
        "Customers": {"kind": "entity", "elements": {"CustomerID": {"type": "cds.String", "key": true}}},
        "Orders": {"kind": "entity", "elements": {"CustomerID": {"type": "cds.String"},
          "_Customer": {"type": "cds.Association", "target": "Customers",
            "on": [{"ref": ["_Customer", "Customer"]}, "=", {"ref": ["CustomerID"]}]}}}
        """))
        .hasMessageContaining("definition 'Orders', element '_Customer'")
        .hasMessageContaining("'_Customer.Customer'")
        .hasMessageContaining("target 'Customers'")
        .hasMessageContaining("its columns: CustomerID");
  }

  @Test void managedKeysNamingAnUnknownColumnOfTheTarget() throws IOException {
    readingFails(csn("""
        "Customers": {"kind": "entity", "elements": {"CustomerID": {"type": "cds.String", "key": true}}},
        "Orders": {"kind": "entity", "elements": {
          "_Customer": {"type": "cds.Association", "target": "Customers", "keys": [{"ref": ["ID"]}]}}}
        """))
        .hasMessageContaining("definition 'Orders', element '_Customer'")
        .hasMessageContaining("'_Customer.ID'");
  }

  @Test void anAssociationWithoutTarget() throws IOException {
    ordersFail("\"_Customer\": {\"type\": \"cds.Association\", "
        + "\"on\": [{\"ref\": [\"_Customer\", \"CustomerID\"]}, \"=\", {\"ref\": [\"OrderID\"]}]}")
        .hasMessageContaining("element '_Customer'")
        .hasMessageContaining("no \"target\"");
  }

  @Test void aTextAssociationWhoseTextEntityIsMissing() throws IOException {
    ordersFail("\"Status\": {\"type\": \"cds.String\", \"@ObjectModel.text.association\": {\"=\": \"_Texts\"}}, "
        + "\"_Texts\": {\"type\": \"cds.Association\", \"target\": \"StatusTexts\", "
        + "\"on\": [{\"ref\": [\"_Texts\", \"Status\"]}, \"=\", {\"ref\": [\"Status\"]}]}")
        .hasMessageContaining("element 'Status'")
        .hasMessageContaining("target 'StatusTexts' is in none of the CSN files read");
  }
}
