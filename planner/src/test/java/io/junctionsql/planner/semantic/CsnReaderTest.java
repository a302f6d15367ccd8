package io.junctionsql.planner.semantic;

import io.junctionsql.planner.config.ConfigException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.junctionsql.planner.semantic.CsnTestFiles.csn;
import static io.junctionsql.planner.semantic.CsnTestFiles.path;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Loading files and folders, merging definitions, and what a file must look like. */
class CsnReaderTest {
  @TempDir Path dir;

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  @Test void readsEveryCsnFileOfAFolderAndSkipsOtherFiles() {
    SemanticModel model = new CsnReader().read(path("sales"));
    assertThat(model.entities().keySet())
        .containsExactly("Customers", "CustomerTexts", "Products", "SalesOrders");
    assertThat(model.sources()).extracting(s -> Path.of(s).getFileName().toString())
        .containsExactly("Customers.json", "Products.json", "SalesOrders.json");
  }

  @Test void readsFilesWithTheCsnExtension() {
    SemanticModel model = new CsnReader().read(path("managed"));
    assertThat(model.entities().keySet()).containsExactly("Deliveries", "Carriers", "Warehouses");
  }

  @Test void readsOneFileAndRemembersWhereEachEntityCameFrom() {
    SemanticModel model = new CsnReader().read(path("sales/Customers.json"));
    assertThat(model.entities().keySet()).containsExactly("Customers", "CustomerTexts");
    assertThat(model.entity("CustomerTexts").orElseThrow().source()).endsWith("Customers.json");
  }

  @Test void readsAListOfFilesAndFolders() {
    SemanticModel model = new CsnReader().read(List.of(path("sales/Products.json"), path("managed")));
    assertThat(model.entities().keySet()).containsExactly("Products", "Deliveries", "Carriers", "Warehouses");
  }

  @Test void acceptsTheSameDefinitionInTwoFilesWhenIdentical() {
    // SalesOrders.json carries a copy of Products, as a Datasphere export carries what a view depends on.
    SemanticModel model = new CsnReader().read(List.of(path("sales/Products.json"), path("sales/SalesOrders.json")));
    assertThat(model.entity("Products").orElseThrow().source()).endsWith("Products.json");
    assertThat(model.entities()).hasSize(2);
  }

  @Test void refusesTheSameDefinitionWithDifferentContentNamingBothFiles() throws IOException {
    Path first = write("a.json", csn("\"Plants\": {\"kind\": \"entity\", \"elements\": {\"PlantID\": "
        + "{\"type\": \"cds.String\", \"length\": 4, \"key\": true}}}"));
    Path second = write("b.json", csn("\"Plants\": {\"kind\": \"entity\", \"elements\": {\"PlantID\": "
        + "{\"type\": \"cds.String\", \"length\": 8, \"key\": true}}}"));
    assertThatThrownBy(() -> new CsnReader().read(dir))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'Plants'")
        .hasMessageContaining(first.toString())
        .hasMessageContaining(second.toString())
        .hasMessageContaining("different content");
  }

  @Test void refusesADefinitionWrittenTwiceInOneFile() throws IOException {
    Path file = write("twice.json", "{\"definitions\": {\n"
        + "  \"Plants\": {\"kind\": \"entity\", \"elements\": {\"PlantID\": {\"type\": \"cds.String\"}}},\n"
        + "  \"Plants\": {\"kind\": \"entity\", \"elements\": {\"Plant\": {\"type\": \"cds.String\"}}}\n}}");
    assertThatThrownBy(() -> new CsnReader().read(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("line 3")
        .hasMessageContaining("Plants");
  }

  @Test void ignoresDefinitionsThatAreNotEntities() {
    SemanticModel model = new CsnReader().parse("mixed.json", csn("""
        "SalesService": {"kind": "service"},
        "Sales": {"kind": "context"},
        "Amount": {"kind": "type", "type": "cds.Decimal", "precision": 15, "scale": 2},
        "OrderCreated": {"kind": "event", "elements": {"ID": {"type": "cds.UUID"}}},
        "Orders": {"kind": "entity", "elements": {"ID": {"type": "cds.UUID", "key": true}}}
        """));
    assertThat(model.entities().keySet()).containsExactly("Orders");
  }

  @Test void readsAFileThatStartsWithAByteOrderMark() throws IOException {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] body = csn("\"Plants\": {\"kind\": \"entity\", \"elements\": {\"PlantID\": {\"type\": \"cds.String\"}}}")
        .getBytes(StandardCharsets.UTF_8);
    byte[] content = new byte[bom.length + body.length];
    System.arraycopy(bom, 0, content, 0, bom.length);
    System.arraycopy(body, 0, content, bom.length, body.length);
    Path file = Files.write(dir.resolve("windows.json"), content);
    assertThat(new CsnReader().read(file).entity("Plants")).isPresent();
  }

  @Test void readsAFileHoldingAListOfCsnDocuments() {
    SemanticModel model = new CsnReader().parse("list.json", "[" + csn(
        "\"Plants\": {\"kind\": \"entity\", \"elements\": {\"PlantID\": {\"type\": \"cds.String\"}}}") + ", "
        + csn("\"Sites\": {\"kind\": \"entity\", \"elements\": {\"SiteID\": {\"type\": \"cds.String\"}}}") + "]");
    assertThat(model.entities().keySet()).containsExactly("Plants", "Sites");
  }

  @Test void ignoresAnnotationsItDoesNotKnow() {
    SemanticModel model = new CsnReader().parse("new.json", csn("""
        "Plants": {"kind": "entity", "@Future.annotation": {"deep": [1, {"x": null}]},
          "@ObjectModel.modelingPattern": 42,
          "elements": {"PlantID": {"type": "cds.String", "@Aggregation.default": ["odd"],
            "@Semantics.amount.currencyCode": 7, "@Future.flag": true}}}
        """));
    SemanticElement plant = model.element("Plants", "PlantID").orElseThrow();
    assertThat(plant.defaultAggregation()).isEmpty();
    assertThat(plant.currencyColumn()).isEmpty();
    assertThat(model.entity("Plants").orElseThrow().modelingPattern()).isEqualTo(ModelingPattern.UNKNOWN);
  }
}
