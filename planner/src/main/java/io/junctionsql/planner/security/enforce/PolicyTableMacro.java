package io.junctionsql.planner.security.enforce;

import io.junctionsql.planner.JunctionException;
import io.junctionsql.planner.SqlStates;

import org.apache.calcite.schema.Function;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.TableMacro;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.lookup.Lookup;
import org.apache.calcite.schema.lookup.Named;

import java.util.List;

/**
 * A table function whose first argument names a table of its schema ({@code at_version('events', 3)}):
 * the name is checked like a table name in a FROM clause, and the table it returns gets the same view.
 */
final class PolicyTableMacro implements TableMacro {
  static final String TABLE_PARAMETER = "table_name";

  private final TableMacro macro;
  private final Lookup<Table> tables;
  private final PolicySchema schema;

  /**
   * @param tables the tables of the source's schema, to resolve the name as the source does
   * @param schema the identity's view of that schema
   */
  PolicyTableMacro(TableMacro macro, Lookup<Table> tables, PolicySchema schema) {
    this.macro = macro;
    this.tables = tables;
    this.schema = schema;
  }

  /** Whether a function can be checked: a table function whose first parameter is a table's name. */
  static boolean applies(Function f) {
    return f instanceof TableMacro && !f.getParameters().isEmpty()
        && TABLE_PARAMETER.equals(f.getParameters().get(0).getName());
  }

  @Override public List<FunctionParameter> getParameters() {
    return macro.getParameters();
  }

  @Override public TranslatableTable apply(List<? extends Object> arguments) {
    Object argument = arguments.isEmpty() ? null : arguments.get(0);
    // Resolved as the source resolves it (exact name first, else ignoring case), then checked by that name.
    Named<Table> named = argument == null ? null : tables.getIgnoreCase(argument.toString());
    if (named == null || !schema.readable(named.name())) {
      throw new JunctionException(SqlStates.UNDEFINED_TABLE, "no table '" + argument + "' in schema "
          + schema.qualifiedName() + "; `junction catalog` lists the tables.");
    }
    return (TranslatableTable) schema.view(named.name(), macro.apply(arguments));
  }
}
