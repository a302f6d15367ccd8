package io.junctionsql.planner.dialect;

import io.junctionsql.planner.semantic.ConvertCurrencyFunction;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlWriter;

/**
 * Junction's {@code convert_currency(amount, source, target, date)} as HANA's
 * {@code CONVERT_CURRENCY}, whose arguments are named. The conversion tables (TCUR*) are read from the
 * connection's current schema, which a Datasphere source sets to the space; client {@code 000} is the
 * one Datasphere's conversion tables use.
 */
final class HanaCurrencyConversion {
  private static final String[] NAMES = {"AMOUNT", "SOURCE_UNIT", "TARGET_UNIT", "REFERENCE_DATE"};

  private HanaCurrencyConversion() {
  }

  static boolean handles(SqlCall call) {
    return call.getOperator() == ConvertCurrencyFunction.INSTANCE;
  }

  static void unparse(SqlWriter writer, SqlCall call) {
    SqlWriter.Frame frame = writer.startFunCall("CONVERT_CURRENCY");
    for (int i = 0; i < NAMES.length; i++) {
      writer.sep(",");
      writer.identifier(NAMES[i], true);
      writer.print("=> ");
      call.operand(i).unparse(writer, 0, 0);
    }
    writer.sep(",");
    writer.identifier("CLIENT", true);
    writer.print("=> '000'");
    writer.endFunCall(frame);
  }
}
