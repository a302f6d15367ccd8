package io.junctionsql.planner.semantic;

import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;

/**
 * {@code convert_currency(amount, source_currency, target_currency, reference_date)}: an amount in
 * another currency, at the rate of a date. Only SAP HANA has the rates (Datasphere's TCUR* tables), so
 * the call runs there as {@code CONVERT_CURRENCY}; anywhere else it cannot run. Summing its result is
 * allowed across currencies, which is the point.
 */
public final class ConvertCurrencyFunction extends SqlFunction {
  public static final ConvertCurrencyFunction INSTANCE = new ConvertCurrencyFunction();

  private ConvertCurrencyFunction() {
    super("CONVERT_CURRENCY", SqlKind.OTHER_FUNCTION, ReturnTypes.ARG0_NULLABLE, null,
        OperandTypes.family(SqlTypeFamily.NUMERIC, SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER,
            SqlTypeFamily.DATE),
        SqlFunctionCategory.SYSTEM);
  }
}
