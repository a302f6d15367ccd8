package io.junctionsql.planner.semantic;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static io.junctionsql.planner.semantic.CsnTestFiles.csn;
import static org.assertj.core.api.Assertions.assertThat;

/** Associations: their condition forms, cardinality, many-to-one detection, managed keys and text associations. */
class CsnAssociationsTest {
  /** Customer texts keyed by ID and language, a plant dimension keyed by plant and site, and an entity to join from. */
  private static final String TARGETS = """
      "Texts": {"kind": "entity", "@ObjectModel.modelingPattern": {"#": "LANGUAGE_DEPENDENT_TEXT"}, "elements": {
        "ID": {"type": "cds.String", "key": true},
        "Lang": {"type": "cds.String", "key": true},
        "Name": {"type": "cds.String", "@Semantics.text": true}}},
      "Plants": {"kind": "entity", "elements": {
        "Plant": {"type": "cds.String", "key": true},
        "Site": {"type": "cds.String", "key": true}}},
      """;

  private static SemanticAssociation association(String elements, String name) {
    SemanticModel model = new CsnReader().parse("test.json", csn(TARGETS
        + "\"Source\": {\"kind\": \"entity\", \"elements\": {"
        + "\"ID\": {\"type\": \"cds.String\"}, \"Plant\": {\"type\": \"cds.String\"}, "
        + "\"Site\": {\"type\": \"cds.String\"}, " + elements + "}}"));
    return model.entity("Source").orElseThrow().association(name).orElseThrow();
  }

  @Test void readsAnAssociationToADimension() {
    SemanticAssociation customer = CsnTestFiles.sales().entity("SalesOrders").orElseThrow()
        .association("_Customer").orElseThrow();
    assertThat(customer.target()).isEqualTo("Customers");
    assertThat(customer.targetKnown()).isTrue();
    assertThat(customer.label()).contains("Customer");
    assertThat(customer.maxCardinality()).isEqualTo(Cardinality.ONE);
    assertThat(customer.columnPairs()).containsExactly(new ColumnPair("CustomerID", "CustomerID"));
    assertThat(customer.conditionComplete()).isTrue();
    assertThat(customer.managed()).isFalse();
    assertThat(customer.targetKeyColumns()).containsExactly("CustomerID");
    assertThat(customer.isManyToOne()).isTrue();
  }

  @Test void readsTheSelfFormWithTheTargetOnTheRight() {
    SemanticAssociation product = CsnTestFiles.sales().entity("SalesOrders").orElseThrow()
        .association("_Product").orElseThrow();
    assertThat(product.columnPairs()).containsExactly(new ColumnPair("ProductID", "ProductID"));
    assertThat(product.isManyToOne()).isTrue();
  }

  @Test void theFactHasTwoManyToOneAssociations() {
    assertThat(CsnTestFiles.sales().manyToOneAssociations("SalesOrders")).extracting(SemanticAssociation::name)
        .containsExactly("_Customer", "_Product");
  }

  @Test void aToManyAssociationIsNotManyToOne() {
    SemanticAssociation texts = CsnTestFiles.sales().entity("Customers").orElseThrow()
        .association("_Texts").orElseThrow();
    assertThat(texts.maxCardinality()).isEqualTo(Cardinality.MANY);
    assertThat(texts.isManyToOne()).isFalse();
  }

  @Test void coveringTheKeyIsNotEnoughWhenTheCardinalityIsMany() {
    SemanticAssociation plant = association("""
        "_Plant": {"type": "cds.Association", "target": "Plants", "cardinality": {"max": "*"},
          "on": [{"ref": ["_Plant", "Plant"]}, "=", {"ref": ["Plant"]}, "and",
                 {"ref": ["_Plant", "Site"]}, "=", {"ref": ["Site"]}]}
        """, "_Plant");
    assertThat(plant.targetColumns()).containsExactlyInAnyOrderElementsOf(plant.targetKeyColumns());
    assertThat(plant.isManyToOne()).isFalse();
  }

  @Test void aCompositeKeyMustBeCoveredWhole() {
    String on = "\"on\": [{\"ref\": [\"_Plant\", \"Plant\"]}, \"=\", {\"ref\": [\"Plant\"]}";
    SemanticAssociation partial = association("\"_Plant\": {\"type\": \"cds.Association\", \"target\": \"Plants\", "
        + "\"cardinality\": {\"max\": 1}, " + on + "]}", "_Plant");
    assertThat(partial.maxCardinality()).isEqualTo(Cardinality.ONE);
    assertThat(partial.isManyToOne()).isFalse();
    SemanticAssociation whole = association("\"_Plant\": {\"type\": \"cds.Association\", \"target\": \"Plants\", "
        + "\"cardinality\": {\"max\": 1}, " + on + ", \"and\", {\"ref\": [\"$self\", \"Site\"]}, \"=\", "
        + "{\"ref\": [\"_Plant\", \"Site\"]}]}", "_Plant");
    assertThat(whole.columnPairs())
        .containsExactly(new ColumnPair("Plant", "Plant"), new ColumnPair("Site", "Site"));
    assertThat(whole.isManyToOne()).isTrue();
  }

  @Test void aTextAssociationWithoutTheLanguageIsNotManyToOne() {
    SemanticAssociation texts = association("""
        "_Texts": {"type": "cds.Association", "target": "Texts", "cardinality": {"max": 1},
          "on": [{"ref": ["_Texts", "ID"]}, "=", {"ref": ["ID"]}]}
        """, "_Texts");
    assertThat(texts.targetKeyColumns()).containsExactly("ID", "Lang");
    assertThat(texts.isManyToOne()).isFalse();
  }

  @Test void readsProjectionRefsAndParenthesisedConditions() {
    SemanticAssociation plant = association("""
        "_Plant": {"type": "cds.Association", "target": "Plants",
          "on": [{"xpr": [{"ref": ["_Plant", "Plant"]}, "=", {"ref": ["$projection", "Plant"]}]}, "AND",
                 {"xpr": [{"ref": ["_Plant", "Site"]}, "=", {"ref": ["Site"]}]}]}
        """, "_Plant");
    assertThat(plant.columnPairs())
        .containsExactly(new ColumnPair("Plant", "Plant"), new ColumnPair("Site", "Site"));
    assertThat(plant.conditionComplete()).isTrue();
  }

  @Test void aMissingCardinalityMeansToOne() {
    SemanticAssociation plant = association("""
        "_Plant": {"type": "cds.Association", "target": "Plants",
          "on": [{"ref": ["_Plant", "Plant"]}, "=", {"ref": ["Plant"]}, "and",
                 {"ref": ["_Plant", "Site"]}, "=", {"ref": ["Site"]}]}
        """, "_Plant");
    assertThat(plant.maxCardinality()).isEqualTo(Cardinality.ONE);
    assertThat(plant.isManyToOne()).isTrue();
  }

  @Test void aNumericMaximumAboveOneMeansMany() {
    SemanticAssociation plant = association("""
        "_Plant": {"type": "cds.Association", "target": "Plants", "cardinality": {"min": 0, "max": 2},
          "on": [{"ref": ["_Plant", "Plant"]}, "=", {"ref": ["Plant"]}]}
        """, "_Plant");
    assertThat(plant.maxCardinality()).isEqualTo(Cardinality.MANY);
  }

  @Test void aConditionWithALiteralIsIncompleteAndNeverManyToOne() {
    SemanticAssociation texts = association("""
        "_Texts": {"type": "cds.Association", "target": "Texts", "cardinality": {"max": 1},
          "on": [{"ref": ["_Texts", "ID"]}, "=", {"ref": ["ID"]}, "and",
                 {"ref": ["_Texts", "Lang"]}, "=", {"val": "EN"}]}
        """, "_Texts");
    assertThat(texts.columnPairs()).containsExactly(new ColumnPair("ID", "ID"));
    assertThat(texts.conditionComplete()).isFalse();
    assertThat(texts.isManyToOne()).isFalse();
  }

  @Test void conditionsWithOrSessionVariablesOrPathsAreIncomplete() {
    for (String extra : List.of(
        "\"or\", {\"ref\": [\"_Plant\", \"Site\"]}, \"=\", {\"ref\": [\"Site\"]}",
        "\"and\", {\"ref\": [\"_Plant\", \"Site\"]}, \"=\", {\"ref\": [\"$session\", \"site\"]}",
        "\"and\", {\"ref\": [\"_Plant\", \"Site\"]}, \"=\", {\"ref\": [\"_Other\", \"Site\"]}",
        "\"and\", {\"ref\": [\"_Plant\", \"Site\"]}, \"=\", {\"ref\": [\"P_SITE\"], \"param\": true}",
        "\"and\", {\"ref\": [\"_Plant\", \"Site\"]}, \">\", {\"ref\": [\"Site\"]}")) {
      SemanticAssociation plant = association("\"_Plant\": {\"type\": \"cds.Association\", \"target\": \"Plants\", "
          + "\"on\": [{\"ref\": [\"_Plant\", \"Plant\"]}, \"=\", {\"ref\": [\"Plant\"]}, " + extra + "]}", "_Plant");
      assertThat(plant.conditionComplete()).as(extra).isFalse();
      assertThat(plant.isManyToOne()).as(extra).isFalse();
    }
  }

  @Test void aCompositionIsReadAsAnAssociation() {
    SemanticAssociation texts = association("""
        "texts": {"type": "cds.Composition", "target": "Texts", "cardinality": {"max": "*"},
          "on": [{"ref": ["texts", "ID"]}, "=", {"ref": ["ID"]}]}
        """, "texts");
    assertThat(texts.columnPairs()).containsExactly(new ColumnPair("ID", "ID"));
    assertThat(texts.maxCardinality()).isEqualTo(Cardinality.MANY);
  }

  @Test void keepsAnAssociationWhoseTargetIsMissingAndMarksItUnknown() {
    SemanticModel deliveriesAlone = new CsnReader().read(CsnTestFiles.path("managed/Deliveries.csn"));
    SemanticAssociation customer = deliveriesAlone.entity("Deliveries").orElseThrow()
        .association("_Customer").orElseThrow();
    assertThat(customer.target()).isEqualTo("Customers");
    assertThat(customer.targetKnown()).isFalse();
    assertThat(customer.targetKeyColumns()).isEmpty();
    assertThat(customer.columnPairs()).containsExactly(new ColumnPair("_Customer_CustomerID", "CustomerID"));
    assertThat(customer.isManyToOne()).isFalse();
  }

  @Test void resolvesATargetFromAnotherFile() {
    SemanticAssociation customer = CsnTestFiles.salesAndLogistics().entity("Deliveries").orElseThrow()
        .association("_Customer").orElseThrow();
    assertThat(customer.targetKnown()).isTrue();
    assertThat(customer.managed()).isTrue();
    assertThat(customer.isManyToOne()).isTrue();
  }

  @Test void generatesTheForeignKeysOfManagedAssociationsAfterTheirAssociation() {
    SemanticEntity deliveries = CsnTestFiles.salesAndLogistics().entity("Deliveries").orElseThrow();
    assertThat(deliveries.columnNames()).containsExactly("DeliveryID", "ShippedOn", "_Customer_CustomerID",
        "_Carrier_Code", "_Warehouse_WarehouseID", "Weight");
    assertThat(deliveries.element("_Customer_CustomerID").orElseThrow().generated()).isFalse();
    SemanticElement carrier = deliveries.element("_Carrier_Code").orElseThrow();
    assertThat(carrier.generated()).isTrue();
    assertThat(carrier.foreignKeyAssociation()).contains("_Carrier");
    assertThat(carrier.role()).isEqualTo(ElementRole.DIMENSION);
    assertThat(carrier.type())
        .contains(new ColumnType("cds.String", OptionalInt.of(4), OptionalInt.empty(), OptionalInt.empty()));
    assertThat(deliveries.element("_Warehouse_WarehouseID").orElseThrow().type())
        .contains(ColumnType.of("cds.Integer64"));
  }

  @Test void readsManagedKeysWithAnAlias() {
    SemanticAssociation carrier = CsnTestFiles.salesAndLogistics().entity("Deliveries").orElseThrow()
        .association("_Carrier").orElseThrow();
    assertThat(carrier.columnPairs()).containsExactly(new ColumnPair("_Carrier_Code", "CarrierID"));
    assertThat(carrier.isManyToOne()).isTrue();
  }

  @Test void aManagedAssociationWithoutKeysUsesTheTargetKey() {
    SemanticAssociation warehouse = CsnTestFiles.salesAndLogistics().entity("Deliveries").orElseThrow()
        .association("_Warehouse").orElseThrow();
    assertThat(warehouse.columnPairs()).containsExactly(new ColumnPair("_Warehouse_WarehouseID", "WarehouseID"));
    assertThat(warehouse.isManyToOne()).isTrue();
  }

  @Test void aManagedAssociationWithoutKeysToAnUnknownTargetHasNoCondition() {
    SemanticModel model = new CsnReader().parse("lonely.json", csn("""
        "Orders": {"kind": "entity", "elements": {"ID": {"type": "cds.UUID", "key": true},
          "_Plant": {"type": "cds.Association", "target": "Plants"}}}
        """));
    SemanticEntity orders = model.entity("Orders").orElseThrow();
    assertThat(orders.association("_Plant").orElseThrow().columnPairs()).isEmpty();
    assertThat(orders.association("_Plant").orElseThrow().conditionComplete()).isFalse();
    assertThat(orders.columnNames()).containsExactly("ID");
  }

  @Test void describesTheTextAssociationWithTheLanguageColumn() {
    SemanticModel sales = CsnTestFiles.sales();
    assertThat(sales.textAssociation("Customers", "CustomerID")).contains(new TextAssociation(
        "CustomerID", "_Texts", "CustomerTexts", Optional.of("Language"), List.of("CustomerName")));
    assertThat(sales.entity("Customers").orElseThrow().textAssociations()).hasSize(1);
    assertThat(sales.textAssociation("Customers", "Country")).isEmpty();
  }

  @Test void findsTheLanguageColumnOfATextEntityWithoutTheLanguageAnnotation() {
    SemanticModel model = new CsnReader().parse("texts.json", csn(TARGETS + """
        "Source": {"kind": "entity", "elements": {
          "ID": {"type": "cds.String", "key": true, "@ObjectModel.text.association": {"=": "_Texts"}},
          "_Texts": {"type": "cds.Association", "target": "Texts", "cardinality": {"max": "*"},
            "on": [{"ref": ["_Texts", "ID"]}, "=", {"ref": ["ID"]}]}}}
        """));
    TextAssociation texts = model.textAssociation("Source", "ID").orElseThrow();
    assertThat(texts.languageColumn()).contains("Lang");
    assertThat(texts.textColumns()).containsExactly("Name");
  }

  @Test void guessesNoLanguageColumnForATextEntityThatIsNotLanguageDependent() {
    SemanticModel model = new CsnReader().parse("texts.json", csn(TARGETS + """
        "Source": {"kind": "entity", "elements": {
          "Plant": {"type": "cds.String", "key": true, "@ObjectModel.text.association": {"=": "_Plant"}},
          "_Plant": {"type": "cds.Association", "target": "Plants",
            "on": [{"ref": ["_Plant", "Plant"]}, "=", {"ref": ["Plant"]}]}}}
        """));
    assertThat(model.textAssociation("Source", "Plant").orElseThrow().languageColumn()).isEmpty();
  }
}
