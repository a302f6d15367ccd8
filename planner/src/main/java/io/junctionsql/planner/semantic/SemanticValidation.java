package io.junctionsql.planner.semantic;

import io.junctionsql.planner.config.ConfigException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a semantic model against the views and columns the database reports, so that a stale or mistyped
 * CSN fails at startup instead of misleading the planner. Every column of an entity the database has must
 * exist in its view; this covers key, currency, unit, text and association columns, which are all columns
 * of their entities. Entities the database does not show are warnings: exports include the views an exposed
 * view depends on, and Datasphere shows only views exposed for consumption over SQL.
 */
public final class SemanticValidation {
  private SemanticValidation() {
  }

  /**
   * @param databaseColumns each view the database user can read, with its column names
   * @return warnings for entities the database does not show
   * @throws ConfigException naming every CSN column the database view lacks
   */
  public static List<SemanticWarning> check(SemanticModel model, Map<String, List<String>> databaseColumns) {
    List<String> problems = new ArrayList<>();
    List<SemanticWarning> warnings = new ArrayList<>();
    for (SemanticEntity entity : model.entities().values()) {
      List<String> columns = databaseColumns.get(entity.name());
      if (columns == null) {
        warnings.add(new SemanticWarning(entity.source(), entity.name(), missingView(entity, databaseColumns)));
        continue;
      }
      Set<String> present = new HashSet<>(columns);
      List<String> missing = entity.columnNames().stream().filter(c -> !present.contains(c)).toList();
      if (!missing.isEmpty()) {
        problems.add(missingColumns(entity, missing, columns));
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigException("The CSN does not match the database (" + problems.size()
          + (problems.size() == 1 ? " problem" : " problems") + "):\n- " + String.join("\n- ", problems));
    }
    return warnings;
  }

  /** One problem per view, so that a badly outdated CSN gives a readable message rather than a page. */
  private static String missingColumns(SemanticEntity entity, List<String> missing, List<String> databaseColumns) {
    StringBuilder message = new StringBuilder("CSN file " + entity.source() + ", view '" + entity.name() + "', ")
        .append(missing.size() == 1 ? "column " : "columns ")
        .append(String.join(", ", missing.stream().map(c -> "'" + c + "'").toList()))
        .append(missing.size() == 1 ? ": the database view has no such column." : ": the database view lacks them.");
    for (String column : missing) {
      sameIgnoringCase(column, databaseColumns).ifPresent(other -> message.append(" It has '").append(other)
          .append("' where the CSN says '").append(column).append("'; names are case-sensitive."));
    }
    return message.append(" Export the CSN again from Datasphere, or fix the name in the CSN.").toString();
  }

  private static String missingView(SemanticEntity entity, Map<String, List<String>> databaseColumns) {
    String message = "CSN file " + entity.source() + ", view '" + entity.name() + "': the database shows no such "
        + "view, so its semantics are unused.";
    Optional<String> otherCase = sameIgnoringCase(entity.name(), databaseColumns.keySet());
    if (otherCase.isPresent()) {
      return message + " It has '" + otherCase.get() + "'; names are case-sensitive. Fix the name in the CSN, "
          + "or export the CSN again.";
    }
    if (entity.exposed()) {
      return message + " The CSN marks it exposed for consumption: check that the space's database user has "
          + "read access and that the view is deployed, or export the CSN again.";
    }
    return message + " It is not exposed for consumption; switch on 'Expose for Consumption' in Datasphere if "
        + "queries need it.";
  }

  private static Optional<String> sameIgnoringCase(String name, Iterable<String> candidates) {
    for (String candidate : candidates) {
      if (candidate.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
