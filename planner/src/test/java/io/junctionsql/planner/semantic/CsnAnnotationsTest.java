package io.junctionsql.planner.semantic;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static io.junctionsql.planner.semantic.CsnTestFiles.csn;
import static org.assertj.core.api.Assertions.assertThat;

/** Each annotation of the sales space, read into the model. */
class CsnAnnotationsTest {
  private final SemanticModel sales = CsnTestFiles.sales();

  private SemanticEntity entity(String name) {
    return sales.entity(name).orElseThrow();
  }

  private SemanticElement element(String view, String column) {
    return sales.element(view, column).orElseThrow();
  }

  @Test void readsTheEntityAnnotations() {
    SemanticEntity orders = entity("SalesOrders");
    assertThat(orders.label()).contains("Sales Orders");
    assertThat(orders.modelingPattern()).isEqualTo(ModelingPattern.ANALYTICAL_FACT);
    assertThat(orders.modelingPattern().isFact()).isTrue();
    assertThat(orders.exposed()).isTrue();
    assertThat(orders.parameters()).containsExactly("P_FISCAL_YEAR");
    assertThat(entity("Customers").modelingPattern()).isEqualTo(ModelingPattern.ANALYTICAL_DIMENSION);
    assertThat(entity("Customers").parameters()).isEmpty();
    assertThat(entity("CustomerTexts").modelingPattern()).isEqualTo(ModelingPattern.LANGUAGE_DEPENDENT_TEXT);
  }

  @Test void notAnnotatedMeansNotExposedAndPatternUnknown() {
    SemanticEntity plants = new CsnReader().parse("plain.json", csn(
        "\"Plants\": {\"kind\": \"entity\", \"elements\": {\"PlantID\": {\"type\": \"cds.String\"}}}"))
        .entity("Plants").orElseThrow();
    assertThat(plants.exposed()).isFalse();
    assertThat(plants.modelingPattern()).isEqualTo(ModelingPattern.UNKNOWN);
    assertThat(plants.label()).isEmpty();
  }

  @Test void keepsColumnsInCsnOrderWithoutTheAssociations() {
    assertThat(entity("SalesOrders").columnNames()).containsExactly("SalesOrderID", "SalesOrderItem", "OrderDate",
        "CreatedAt", "CustomerID", "ProductID", "Currency", "Unit", "NetAmount", "Quantity", "AvgPrice",
        "DistinctCustomers", "MarginPercent", "OrderUUID");
  }

  @Test void readsKeysAndNotNull() {
    assertThat(entity("SalesOrders").keyColumns()).containsExactly("SalesOrderID", "SalesOrderItem");
    assertThat(entity("CustomerTexts").keyColumns()).containsExactly("CustomerID", "Language");
    SemanticElement id = element("SalesOrders", "SalesOrderID");
    assertThat(id.key()).isTrue();
    assertThat(id.notNull()).isTrue();
    assertThat(id.role()).isEqualTo(ElementRole.KEY);
    SemanticElement date = element("SalesOrders", "OrderDate");
    assertThat(date.key()).isFalse();
    assertThat(date.notNull()).isFalse();
  }

  @Test void readsTypesWithTheirFacets() {
    assertThat(element("SalesOrders", "SalesOrderID").type())
        .contains(new ColumnType("cds.String", OptionalInt.of(10), OptionalInt.empty(), OptionalInt.empty()));
    assertThat(element("SalesOrders", "NetAmount").type())
        .contains(new ColumnType("cds.Decimal", OptionalInt.empty(), OptionalInt.of(15), OptionalInt.of(2)));
    assertThat(element("SalesOrders", "SalesOrderItem").type()).contains(ColumnType.of("cds.Integer"));
    assertThat(element("SalesOrders", "AvgPrice").type()).contains(ColumnType.of("cds.Double"));
    assertThat(element("SalesOrders", "CreatedAt").type()).contains(ColumnType.of("cds.Timestamp"));
    assertThat(element("SalesOrders", "OrderUUID").type()).contains(ColumnType.of("cds.UUID"));
    assertThat(element("Products", "Discontinued").type()).contains(ColumnType.of("cds.Boolean"));
  }

  @Test void followsATypeDefinedInTheCsnToItsBuiltInType() {
    SemanticModel model = new CsnReader().read(CsnTestFiles.path("managed/Deliveries.csn"));
    assertThat(model.element("Deliveries", "DeliveryID").orElseThrow().type())
        .contains(new ColumnType("cds.String", OptionalInt.of(12), OptionalInt.empty(), OptionalInt.empty()));
  }

  @Test void anElementWithoutATypeHasNone() {
    SemanticModel model = new CsnReader().parse("untyped.json", csn(
        "\"Plants\": {\"kind\": \"entity\", \"elements\": {\"PlantID\": {\"key\": true}}}"));
    assertThat(model.element("Plants", "PlantID").orElseThrow().type()).isEmpty();
  }

  @Test void readsLabels() {
    assertThat(element("SalesOrders", "NetAmount").label()).contains("Net Amount");
    assertThat(element("CustomerTexts", "Language").label()).contains("Language");
    assertThat(element("SalesOrders", "MarginPercent").label()).contains("Margin %");
  }

  @Test void resolvesI18nLabelsFromTheEnglishBundle() {
    SemanticModel model = new CsnReader().read(CsnTestFiles.path("managed/Deliveries.csn"));
    assertThat(model.entity("Deliveries").orElseThrow().label()).contains("Deliveries");
    assertThat(model.element("Deliveries", "DeliveryID").orElseThrow().label()).contains("Delivery");
    // A key missing from the bundle stays as written rather than disappearing.
    assertThat(model.element("Deliveries", "Weight").orElseThrow().label()).contains("{i18n>WEIGHT}");
  }

  @Test void readsMeasuresWithTheirAggregation() {
    assertThat(entity("SalesOrders").measures()).extracting(SemanticElement::name)
        .containsExactly("NetAmount", "Quantity", "AvgPrice", "DistinctCustomers", "MarginPercent");
    assertThat(element("SalesOrders", "NetAmount").defaultAggregation()).contains(Aggregation.SUM);
    assertThat(element("SalesOrders", "NetAmount").measureType()).contains("BASE");
    assertThat(element("SalesOrders", "Quantity").defaultAggregation()).contains(Aggregation.SUM);
    assertThat(element("SalesOrders", "DistinctCustomers").defaultAggregation()).contains(Aggregation.COUNT_DISTINCT);
    assertThat(element("SalesOrders", "MarginPercent").defaultAggregation()).contains(Aggregation.FORMULA);
    assertThat(element("SalesOrders", "MarginPercent").measureType()).contains("CALCULATION");
    assertThat(element("SalesOrders", "MarginPercent").role()).isEqualTo(ElementRole.MEASURE);
  }

  @Test void readsAnAggregationWrittenAsAPlainString() {
    assertThat(element("SalesOrders", "AvgPrice").defaultAggregation()).contains(Aggregation.AVG);
  }

  @Test void anAggregationAloneMakesAMeasureUnlessItAggregatesNothing() {
    SemanticModel model = new CsnReader().parse("agg.json", csn("""
        "Stock": {"kind": "entity", "elements": {
          "Low": {"type": "cds.Integer", "@Aggregation.default": {"#": "MIN"}},
          "High": {"type": "cds.Integer", "@Aggregation.default": "#MAX"},
          "Lines": {"type": "cds.Integer", "@Aggregation.default": {"#": "COUNT"}},
          "Plant": {"type": "cds.String", "@Aggregation.default": {"#": "NONE"}},
          "Batch": {"type": "cds.String", "@Aggregation.default": {"#": "NOP"}},
          "Odd": {"type": "cds.Integer", "@Aggregation.default": {"#": "MEDIAN"}}}}
        """));
    assertThat(model.entity("Stock").orElseThrow().measures()).extracting(SemanticElement::name)
        .containsExactly("Low", "High", "Lines");
    assertThat(model.element("Stock", "High").orElseThrow().defaultAggregation()).contains(Aggregation.MAX);
    assertThat(model.element("Stock", "Plant").orElseThrow().defaultAggregation()).contains(Aggregation.NONE);
    assertThat(model.element("Stock", "Batch").orElseThrow().defaultAggregation()).contains(Aggregation.NOP);
    assertThat(model.element("Stock", "Odd").orElseThrow().defaultAggregation()).contains(Aggregation.UNKNOWN);
    assertThat(model.element("Stock", "Odd").orElseThrow().role()).isEqualTo(ElementRole.ATTRIBUTE);
  }

  @Test void readsCurrencyAndUnitColumns() {
    SemanticElement amount = element("SalesOrders", "NetAmount");
    assertThat(amount.currencyColumn()).contains("Currency");
    assertThat(amount.unitColumn()).isEmpty();
    SemanticElement quantity = element("SalesOrders", "Quantity");
    assertThat(quantity.unitColumn()).contains("Unit");
    assertThat(quantity.currencyColumn()).isEmpty();
    assertThat(element("SalesOrders", "Currency").currencyCode()).isTrue();
    assertThat(element("SalesOrders", "Unit").unitOfMeasure()).isTrue();
    assertThat(element("SalesOrders", "Currency").unitOfMeasure()).isFalse();
    assertThat(element("SalesOrders", "NetAmount").currencyCode()).isFalse();
  }

  @Test void readsAUnitReferenceWrittenAsAPlainString() {
    assertThat(element("Products", "NetWeight").unitColumn()).contains("BaseUnit");
  }

  @Test void readsTextAndLanguageColumns() {
    assertThat(element("CustomerTexts", "CustomerName").text()).isTrue();
    assertThat(element("CustomerTexts", "Language").language()).isTrue();
    assertThat(element("CustomerTexts", "CustomerID").text()).isFalse();
    assertThat(element("CustomerTexts", "CustomerID").language()).isFalse();
  }

  @Test void readsTheTextElementOfAnIdColumn() {
    assertThat(element("Products", "ProductID").textElements()).containsExactly("ProductName");
    assertThat(element("Products", "ProductID").textElement()).contains("ProductName");
    assertThat(element("Products", "Category").textElement()).isEmpty();
  }

  @Test void readsTextElementsWrittenAsPlainNamesOrAsAnObject() {
    SemanticModel model = new CsnReader().parse("texts.json", csn("""
        "Plants": {"kind": "entity", "elements": {
          "PlantID": {"type": "cds.String", "@ObjectModel.text.element": ["PlantName"]},
          "SiteID": {"type": "cds.String", "@ObjectModel.text.element": {"=": "SiteName"}},
          "PlantName": {"type": "cds.String"},
          "SiteName": {"type": "cds.String"}}}
        """));
    assertThat(model.element("Plants", "PlantID").orElseThrow().textElements()).containsExactly("PlantName");
    assertThat(model.element("Plants", "SiteID").orElseThrow().textElements()).containsExactly("SiteName");
  }

  @Test void readsTheTextAssociationOfAnIdColumn() {
    assertThat(element("Customers", "CustomerID").textAssociation()).contains("_Texts");
    assertThat(element("Customers", "Country").textAssociation()).isEmpty();
  }

  @Test void readsPersonalData() {
    assertThat(element("Customers", "CustomerID").personalData())
        .isEqualTo(new PersonalData(true, false, Optional.of("DataSubjectID")));
    assertThat(element("Customers", "Email").personalData()).isEqualTo(new PersonalData(true, false, Optional.empty()));
    assertThat(element("Customers", "CreditLimit").personalData())
        .isEqualTo(new PersonalData(true, true, Optional.empty()));
    assertThat(element("Customers", "City").personalData()).isEqualTo(PersonalData.NONE);
    assertThat(entity("Products").elements()).allMatch(e -> e.personalData().equals(PersonalData.NONE));
  }

  @Test void readsFieldSemanticsWrittenAsAnEnum() {
    SemanticModel model = new CsnReader().parse("pd.json", csn("""
        "Users": {"kind": "entity", "elements": {
          "UserID": {"type": "cds.String", "@PersonalData.fieldSemantics": {"#": "USER_ID"}}}}
        """));
    assertThat(model.element("Users", "UserID").orElseThrow().personalData().fieldSemantics()).contains("USER_ID");
  }

  @Test void readsBusinessDates() {
    assertThat(element("Products", "ValidFrom").businessDateFrom()).isTrue();
    assertThat(element("Products", "ValidFrom").businessDateTo()).isFalse();
    assertThat(element("Products", "ValidTo").businessDateTo()).isTrue();
    assertThat(element("Products", "ValidTo").businessDateFrom()).isFalse();
    assertThat(element("Products", "LaunchedOn").businessDateFrom()).isFalse();
  }

  @Test void givesEachColumnOneRole() {
    assertThat(element("SalesOrders", "SalesOrderItem").role()).isEqualTo(ElementRole.KEY);
    assertThat(element("SalesOrders", "NetAmount").role()).isEqualTo(ElementRole.MEASURE);
    // A foreign key joins to a dimension; @Analytics.dimension says so directly.
    assertThat(element("SalesOrders", "CustomerID").role()).isEqualTo(ElementRole.DIMENSION);
    assertThat(element("SalesOrders", "CustomerID").foreignKeyAssociation()).contains("_Customer");
    assertThat(element("Products", "Category").role()).isEqualTo(ElementRole.DIMENSION);
    assertThat(element("SalesOrders", "OrderDate").role()).isEqualTo(ElementRole.ATTRIBUTE);
    assertThat(element("SalesOrders", "Currency").role()).isEqualTo(ElementRole.ATTRIBUTE);
  }

  @Test void aMeasureThatIsAlsoAKeyIsAMeasure() {
    SemanticModel model = new CsnReader().parse("odd.json", csn("""
        "Odd": {"kind": "entity", "elements": {
          "Value": {"type": "cds.Integer", "key": true, "@AnalyticsDetails.measureType": {"#": "BASE"}}}}
        """));
    SemanticElement value = model.element("Odd", "Value").orElseThrow();
    assertThat(value.role()).isEqualTo(ElementRole.MEASURE);
    assertThat(value.key()).isTrue();
    assertThat(model.keyColumns("Odd")).containsExactly("Value");
  }

  @Test void skipsVirtualElements() {
    SemanticModel model = new CsnReader().parse("virtual.json", csn("""
        "Plants": {"kind": "entity", "elements": {
          "PlantID": {"type": "cds.String"}, "Display": {"type": "cds.String", "virtual": true}}}
        """));
    assertThat(model.entity("Plants").orElseThrow().columnNames()).isEqualTo(List.of("PlantID"));
  }
}
