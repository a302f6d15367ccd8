package io.junctionsql.planner.source.delta;

import io.junctionsql.planner.JunctionException;
import io.junctionsql.planner.SqlStates;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.TableMacro;
import org.apache.calcite.schema.TranslatableTable;

import java.util.List;

/**
 * The time-travel table functions of a Delta schema:
 * {@code TABLE(lake.marketing.at_version('events', 12))} reads version 12 and
 * {@code TABLE(lake.marketing.at_time('events', '2024-05-01T12:00:00Z'))} the version current then.
 */
final class TimeTravelMacro implements TableMacro {
  static final String AT_VERSION = "at_version";
  static final String AT_TIME = "at_time";

  private final DeltaSchema schema;
  private final boolean byVersion;

  TimeTravelMacro(DeltaSchema schema, boolean byVersion) {
    this.schema = schema;
    this.byVersion = byVersion;
  }

  @Override public List<FunctionParameter> getParameters() {
    return List.of(parameter(0, "table_name", String.class),
        parameter(1, byVersion ? "version" : "instant", byVersion ? Long.class : String.class));
  }

  @Override public TranslatableTable apply(List<? extends Object> arguments) {
    Object name = arguments.get(0);
    Object spec = arguments.get(1);
    if (name == null || spec == null) {
      throw new JunctionException(SqlStates.SYNTAX_OR_ACCESS, (byVersion ? AT_VERSION : AT_TIME)
          + " takes a table name and a " + (byVersion ? "version number" : "instant") + " as literals.");
    }
    TimeTravel travel = byVersion ? TimeTravel.version(((Number) spec).longValue())
        : TimeTravel.instant(spec.toString());
    DeltaTable table = schema.table(name.toString(), travel);
    if (table == null) {
      throw new JunctionException(SqlStates.UNDEFINED_TABLE, "no Delta table '" + name + "' in schema "
          + schema.name() + "; `junction catalog` lists the tables.");
    }
    return table;
  }

  /** Java-typed, because Calcite hands a table macro its literal arguments only for Java types. */
  private static FunctionParameter parameter(int ordinal, String name, Class<?> type) {
    return new FunctionParameter() {
      @Override public int getOrdinal() {
        return ordinal;
      }

      @Override public String getName() {
        return name;
      }

      @Override public RelDataType getType(RelDataTypeFactory typeFactory) {
        return typeFactory.createJavaType(type);
      }

      @Override public boolean isOptional() {
        return false;
      }
    };
  }
}
