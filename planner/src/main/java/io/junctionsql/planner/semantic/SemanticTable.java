package io.junctionsql.planner.semantic;

import io.junctionsql.planner.source.SourceSession;

import java.util.Optional;

/**
 * A table whose source knows what its columns mean. The catalog tables (remarks, imported keys,
 * semantics) and the semantic rules read tables through this.
 */
public interface SemanticTable {
  /** The source holding the table: its JDBC catalog. */
  String sourceName();

  /** The table's schema in the source. */
  String schemaName();

  /** The table's name in the source. */
  String tableName();

  /** What the source's semantics say about the table, if anything. */
  Optional<SemanticEntity> semantics();

  /** What the semantic rules do for this table's source: {@code strict}, {@code warn} or {@code off}. */
  String semanticsMode();

  /** The connection the table was looked up in, to warn on. */
  SourceSession session();
}
