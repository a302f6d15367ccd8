package io.junctionsql.planner;

/** The SQLSTATE codes Junction reports; PostgreSQL's choice where the standard leaves room. */
public final class SqlStates {
  /** Connection could not be established (a source is unreachable). */
  public static final String CONNECTION_FAILED = "08001";
  /** A source connection broke while in use. */
  public static final String CONNECTION_FAILURE = "08006";
  /** Bad login for a source. */
  public static final String INVALID_AUTHORIZATION = "28000";
  /** Writes are refused: Junction is read-only. */
  public static final String READ_ONLY = "25006";
  /** SQL text that does not parse. */
  public static final String SYNTAX_ERROR = "42601";
  /** A table or view that does not exist. */
  public static final String UNDEFINED_TABLE = "42P01";
  /** A column that does not exist. */
  public static final String UNDEFINED_COLUMN = "42703";
  /** A function or operator that does not exist for these argument types. */
  public static final String UNDEFINED_FUNCTION = "42883";
  /**
   * A policy that governs the user's access cannot be applied (its row filter names a column the table lacks):
   * the statement is refused rather than run without it.
   */
  public static final String INSUFFICIENT_PRIVILEGE = "42501";
  /** Other errors found while validating a statement. */
  public static final String SYNTAX_OR_ACCESS = "42000";
  /** A query breaks a semantic rule, such as adding amounts in different currencies. */
  public static final String SEMANTIC_RULE = "42JS1";
  /** A warning from a semantic rule. */
  public static final String SEMANTIC_WARNING = "01JS1";
  /** The gateway configuration is invalid. */
  public static final String CONFIG_ERROR = "F0000";
  /** A feature Junction does not offer. */
  public static final String NOT_SUPPORTED = "0A000";
  /** Data error while computing a value (overflow, bad cast, division by zero). */
  public static final String DATA_EXCEPTION = "22000";
  /** A source's files could not be read. */
  public static final String IO_ERROR = "58030";
  /** Anything else: a defect in Junction, to be reported. */
  public static final String INTERNAL_ERROR = "XX000";
  /** The query was cancelled or ran past its timeout. */
  public static final String QUERY_CANCELLED = "57014";

  private SqlStates() {
  }
  /** A result has more rows than the server lets one result return. */
  public static final String PROGRAM_LIMIT_EXCEEDED = "54000";
  /** A query held more memory in Junction's own operators than {@code query-memory} allows. */
  public static final String OUT_OF_MEMORY = "53200";
  /** The server runs as many queries as it allows; try again shortly. */
  public static final String TOO_MANY_QUERIES = "53300";
}
