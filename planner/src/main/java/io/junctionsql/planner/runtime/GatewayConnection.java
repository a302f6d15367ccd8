package io.junctionsql.planner.runtime;

import io.junctionsql.planner.Gateway;
import io.junctionsql.planner.source.Source;
import io.junctionsql.planner.source.SourceSession;
import io.junctionsql.planner.system.SystemSchema;

import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.schema.SchemaPlus;

import java.sql.SQLException;

/**
 * One engine connection of a gateway: a Calcite connection whose root holds every source, and the
 * log of what those sources received on its behalf.
 *
 * @param calcite the engine connection
 * @param log what the sources received
 */
public record GatewayConnection(CalciteConnection calcite, QueryLog log) {
  private static final CalciteEngine ENGINE = new CalciteEngine();

  public static GatewayConnection open(Gateway gateway) throws SQLException {
    CalciteConnection calcite = ENGINE.open();
    QueryLog log = new QueryLog();
    SourceSession session = new SourceSession(log);
    SchemaPlus root = calcite.getRootSchema();
    for (Source source : gateway.sources().values()) {
      root.add(source.name(), source.schema(session));
    }
    root.add(SystemSchema.NAME, new SystemSchema());
    return new GatewayConnection(calcite, log);
  }
}
