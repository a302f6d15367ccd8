package io.junctionsql.planner.dialect;

import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.dialect.H2SqlDialect;
import org.apache.calcite.sql.dialect.PostgresqlSqlDialect;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JunctionDialectsTest {
  @Test void hanaAndDatasphereReportHdbAndGetTheHanaDialect() throws Exception {
    SqlDialect d = JunctionDialects.forMetaData(MetaDataStandIn.of("HDB", "4.00.000.00.1700000000", 4, 0));
    assertThat(d).isInstanceOf(HanaSqlDialect.class);
    assertThat(d.quoteIdentifier("Sales_Space")).isEqualTo("\"Sales_Space\"");
    assertThat(d.getSingleRowTableName()).containsExactly("SYS", "DUMMY");
  }

  @Test void theProductNameIsMatchedRegardlessOfCaseAndBlanks() throws Exception {
    assertThat(JunctionDialects.forMetaData(MetaDataStandIn.of(" hdb ", "2.00.070", 2, 0)))
        .isInstanceOf(HanaSqlDialect.class);
  }

  @Test void otherDatabasesGetCalcitesDialect() throws Exception {
    assertThat(JunctionDialects.forMetaData(MetaDataStandIn.of("PostgreSQL", "16.2", 16, 2)))
        .isInstanceOf(PostgresqlSqlDialect.class);
    assertThat(JunctionDialects.forMetaData(MetaDataStandIn.of("H2", "2.3.232", 2, 3)))
        .isInstanceOf(H2SqlDialect.class);
  }

  @Test void aNameThatOnlyContainsHdbIsNotHana() throws Exception {
    assertThat(JunctionDialects.forMetaData(MetaDataStandIn.of("HDBX Warehouse", "1.0", 1, 0)))
        .isNotInstanceOf(HanaSqlDialect.class);
  }
}
