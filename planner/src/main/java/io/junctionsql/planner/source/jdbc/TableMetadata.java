package io.junctionsql.planner.source.jdbc;

import io.junctionsql.planner.semantic.SemanticEntity;

import org.apache.calcite.rel.type.RelProtoDataType;
import org.apache.calcite.schema.Schema;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What Junction knows of one remote table.
 *
 * @param schema the source schema (or catalog) that holds it, as the source spells it
 * @param name the table's name, as the source spells it
 * @param type table or view
 * @param rowType its columns and their types
 * @param primaryKey ordinals of the primary key columns; empty if none is declared
 * @param rowCount the source's estimate of its rows
 * @param semantics what the source's own catalog says the table means (Unity Catalog's comments and
 *     informational keys); empty when it says nothing or the meaning comes from elsewhere (CSN files)
 * @param distinctValues the source's estimate of each column's distinct values, for the columns it has one
 * @param rowCountGuessed whether the count could not be read (it timed out or was refused) and {@code rowCount} is
 *     the planner's stand-in for "large"; such metadata is read again sooner than the rest
 */
public record TableMetadata(String schema, String name, Schema.TableType type, RelProtoDataType rowType,
    List<Integer> primaryKey, double rowCount, Optional<SemanticEntity> semantics, Map<String, Double> distinctValues,
    boolean rowCountGuessed) {

  public TableMetadata {
    distinctValues = Map.copyOf(distinctValues);
  }

  public TableMetadata(String schema, String name, Schema.TableType type, RelProtoDataType rowType,
      List<Integer> primaryKey, double rowCount, Optional<SemanticEntity> semantics, Map<String, Double> distinctValues) {
    this(schema, name, type, rowType, primaryKey, rowCount, semantics, distinctValues, false);
  }

  public TableMetadata(String schema, String name, Schema.TableType type, RelProtoDataType rowType,
      List<Integer> primaryKey, double rowCount, Optional<SemanticEntity> semantics) {
    this(schema, name, type, rowType, primaryKey, rowCount, semantics, Map.of());
  }

  public TableMetadata(String schema, String name, Schema.TableType type, RelProtoDataType rowType,
      List<Integer> primaryKey, double rowCount) {
    this(schema, name, type, rowType, primaryKey, rowCount, Optional.empty());
  }
}
