package io.junctionsql.planner.semantic;

import io.junctionsql.planner.config.ConfigException;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Checking the CSN against the views and columns the database reports. */
class SemanticValidationTest {
  private final SemanticModel sales = CsnTestFiles.sales();

  /** What the database reports when it matches the CSN exactly. */
  private Map<String, List<String>> matchingDatabase() {
    Map<String, List<String>> views = new LinkedHashMap<>();
    sales.entities().values().forEach(e -> views.put(e.name(), new ArrayList<>(e.columnNames())));
    return views;
  }

  @Test void aMatchingDatabaseGivesNoWarning() {
    assertThat(SemanticValidation.check(sales, matchingDatabase())).isEmpty();
  }

  @Test void extraDatabaseViewsAndColumnsAreFine() {
    Map<String, List<String>> database = matchingDatabase();
    database.get("SalesOrders").add("LoadedAt");
    database.put("Invoices", List.of("InvoiceID"));
    assertThat(SemanticValidation.check(sales, database)).isEmpty();
  }

  @Test void aColumnMissingFromTheDatabaseNamesFileViewAndColumn() {
    Map<String, List<String>> database = matchingDatabase();
    database.get("SalesOrders").remove("Currency");
    assertThatThrownBy(() -> SemanticValidation.check(sales, database))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("1 problem")
        .hasMessageContaining("CSN file " + sales.entity("SalesOrders").orElseThrow().source())
        .hasMessageContaining("view 'SalesOrders', column 'Currency'")
        .hasMessageContaining("Export the CSN again");
  }

  @Test void reportsEveryMissingColumnAtOnceGroupedByView() {
    Map<String, List<String>> database = matchingDatabase();
    database.get("SalesOrders").remove("NetAmount");
    database.get("SalesOrders").remove("Quantity");
    database.get("CustomerTexts").remove("Language");
    assertThatThrownBy(() -> SemanticValidation.check(sales, database))
        .hasMessageContaining("2 problems")
        .hasMessageContaining("view 'SalesOrders', columns 'NetAmount', 'Quantity': the database view lacks them")
        .hasMessageContaining("view 'CustomerTexts', column 'Language'");
  }

  @Test void pointsOutAColumnThatDiffersOnlyInCase() {
    Map<String, List<String>> database = matchingDatabase();
    database.get("SalesOrders").replaceAll(c -> c.equals("NetAmount") ? "NETAMOUNT" : c);
    assertThatThrownBy(() -> SemanticValidation.check(sales, database))
        .hasMessageContaining("column 'NetAmount'")
        .hasMessageContaining("It has 'NETAMOUNT' where the CSN says 'NetAmount'; names are case-sensitive");
  }

  @Test void checksTheForeignKeysManagedAssociationsGenerate() {
    SemanticModel model = CsnTestFiles.salesAndLogistics();
    Map<String, List<String>> database = new LinkedHashMap<>();
    model.entities().values().forEach(e -> database.put(e.name(), new ArrayList<>(e.columnNames())));
    database.get("Deliveries").remove("_Carrier_Code");
    assertThatThrownBy(() -> SemanticValidation.check(model, database))
        .hasMessageContaining("view 'Deliveries', column '_Carrier_Code'")
        .hasMessageContaining("Deliveries.csn");
  }

  @Test void aViewTheDatabaseDoesNotShowIsAWarning() {
    Map<String, List<String>> database = matchingDatabase();
    database.remove("CustomerTexts");
    List<SemanticWarning> warnings = SemanticValidation.check(sales, database);
    assertThat(warnings).hasSize(1);
    SemanticWarning warning = warnings.get(0);
    assertThat(warning.entity()).isEqualTo("CustomerTexts");
    assertThat(warning.source()).endsWith("Customers.json");
    assertThat(warning.message())
        .contains("CSN file " + warning.source())
        .contains("view 'CustomerTexts'")
        .contains("marks it exposed for consumption")
        .contains("read access");
  }

  @Test void aViewNotExposedForConsumptionIsAWarningThatSaysSo() {
    SemanticModel model = CsnTestFiles.salesAndLogistics();
    Map<String, List<String>> database = new LinkedHashMap<>();
    model.entities().values().forEach(e -> database.put(e.name(), e.columnNames()));
    database.remove("Carriers");
    assertThat(SemanticValidation.check(model, database)).singleElement()
        .satisfies(w -> assertThat(w.message()).contains("view 'Carriers'").contains("not exposed for consumption"));
  }

  @Test void pointsOutAViewThatDiffersOnlyInCase() {
    Map<String, List<String>> database = matchingDatabase();
    database.put("PRODUCTS", database.remove("Products"));
    assertThat(SemanticValidation.check(sales, database)).singleElement()
        .satisfies(w -> assertThat(w.message()).contains("view 'Products'").contains("It has 'PRODUCTS'"));
  }
}
