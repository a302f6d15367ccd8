package io.junctionsql.planner.semantic;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** The one-call lookups the planner and the JDBC metadata use. */
class SemanticModelTest {
  private final SemanticModel sales = CsnTestFiles.sales();

  @Test void describesAColumnInOneCall() {
    SemanticElement amount = sales.element("SalesOrders", "NetAmount").orElseThrow();
    assertThat(amount.role()).isEqualTo(ElementRole.MEASURE);
    assertThat(amount.defaultAggregation()).contains(Aggregation.SUM);
    assertThat(amount.currencyColumn()).contains("Currency");
    assertThat(amount.unitColumn()).isEmpty();
    assertThat(amount.label()).contains("Net Amount");
  }

  @Test void givesAViewsKeyAndManyToOneJoinsInOneCallEach() {
    assertThat(sales.keyColumns("SalesOrders")).containsExactly("SalesOrderID", "SalesOrderItem");
    assertThat(sales.manyToOneAssociations("SalesOrders"))
        .extracting(SemanticAssociation::target, SemanticAssociation::columnPairs)
        .containsExactly(
            tuple("Customers", List.of(new ColumnPair("CustomerID", "CustomerID"))),
            tuple("Products", List.of(new ColumnPair("ProductID", "ProductID"))));
    assertThat(sales.manyToOneAssociations("Customers")).isEmpty();
  }

  @Test void answersEmptyForWhatTheCsnDoesNotDescribe() {
    assertThat(sales.entity("Invoices")).isEmpty();
    assertThat(sales.element("Invoices", "NetAmount")).isEmpty();
    assertThat(sales.element("SalesOrders", "NETAMOUNT")).isEmpty();
    assertThat(sales.keyColumns("Invoices")).isEmpty();
    assertThat(sales.manyToOneAssociations("Invoices")).isEmpty();
    assertThat(sales.textAssociation("Invoices", "CustomerID")).isEmpty();
    assertThat(SemanticModel.EMPTY.entities()).isEmpty();
  }
}
