package io.junctionsql.planner.dialect;

import java.lang.reflect.Proxy;
import java.sql.DatabaseMetaData;
import java.util.Map;

/**
 * A stand-in for a driver's {@link DatabaseMetaData}: it answers the product name, version, quoting and
 * null ordering (high, as PostgreSQL and H2 sort), says no to every other yes-or-no question, and refuses
 * everything else, so a test notices if the code under test starts asking more.
 */
final class MetaDataStandIn {
  private MetaDataStandIn() {
  }

  static DatabaseMetaData of(String productName, String productVersion, int major, int minor) {
    Map<String, Object> answers = Map.of(
        "getDatabaseProductName", productName,
        "getDatabaseProductVersion", productVersion,
        "getDatabaseMajorVersion", major,
        "getDatabaseMinorVersion", minor,
        "getIdentifierQuoteString", "\"",
        "nullsAreSortedHigh", true);
    return (DatabaseMetaData) Proxy.newProxyInstance(MetaDataStandIn.class.getClassLoader(),
        new Class<?>[] {DatabaseMetaData.class}, (proxy, method, args) -> {
          Object answer = answers.get(method.getName());
          if (answer != null) {
            return answer;
          }
          if (method.getReturnType() == boolean.class) {
            return false;
          }
          if (method.getName().equals("toString")) {
            return "MetaDataStandIn[" + productName + "]";
          }
          throw new UnsupportedOperationException("the stand-in does not answer " + method.getName());
        });
  }
}
