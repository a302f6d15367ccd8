package io.junctionsql.planner.semantic;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads an association's {@code on} condition into column pairs. Junction understands a conjunction of
 * equalities between a column of the entity ({@code ["FK"]}, {@code ["$self", "FK"]}) and a column of the
 * target ({@code ["_Assoc", "KEY"]}); anything else is kept out of the pairs and marks the condition incomplete.
 *
 * @param pairs the equalities read; source columns are not yet checked to exist
 * @param complete whether the pairs are the whole condition
 */
record JoinCondition(List<ColumnPair> pairs, boolean complete) {
  private enum Side { SOURCE, TARGET, OTHER }

  private record Operand(Side side, String column) {
    static final Operand OTHER = new Operand(Side.OTHER, "");
  }

  static JoinCondition fromOn(String association, JsonNode on) {
    List<ColumnPair> pairs = new ArrayList<>();
    boolean complete = readConjunction(association, on, pairs);
    return new JoinCondition(pairs, complete && !pairs.isEmpty());
  }

  /**
   * The older, managed form {@code "keys": [{"ref": ["KEY"], "as": "ALIAS"}]}: CDS generates the foreign key
   * column {@code <association>_<alias or key>} for each target key listed.
   */
  static JoinCondition fromKeys(String association, JsonNode keys) {
    List<ColumnPair> pairs = new ArrayList<>();
    boolean complete = true;
    for (JsonNode key : keys) {
      List<String> path = textSteps(key.get("ref"));
      if (path.isEmpty() || path.size() != key.get("ref").size()) {
        complete = false;
        continue;
      }
      // Structured keys flatten with underscores, as they do in the database.
      String target = String.join("_", path);
      String alias = CsnValues.text(key.get("as")).orElse(target);
      pairs.add(new ColumnPair(generatedForeignKey(association, alias), target));
    }
    return new JoinCondition(pairs, complete && !pairs.isEmpty());
  }

  /** A managed association without {@code keys} refers to the target's whole primary key. */
  static JoinCondition fromTargetKey(String association, List<String> targetKey) {
    List<ColumnPair> pairs = targetKey.stream()
        .map(key -> new ColumnPair(generatedForeignKey(association, key), key))
        .toList();
    return new JoinCondition(pairs, !pairs.isEmpty());
  }

  static String generatedForeignKey(String association, String key) {
    return association + "_" + key;
  }

  private static boolean readConjunction(String association, JsonNode tokens, List<ColumnPair> pairs) {
    if (tokens == null || !tokens.isArray() || tokens.isEmpty()) {
      return false;
    }
    boolean complete = true;
    List<JsonNode> term = new ArrayList<>();
    for (JsonNode token : tokens) {
      if (token.isTextual() && token.textValue().toLowerCase(Locale.ROOT).equals("and")) {
        complete &= readTerm(association, term, pairs);
        term.clear();
      } else {
        term.add(token);
      }
    }
    complete &= readTerm(association, term, pairs);
    return complete;
  }

  private static boolean readTerm(String association, List<JsonNode> term, List<ColumnPair> pairs) {
    if (term.size() == 1 && term.get(0).path("xpr").isArray()) {
      return readConjunction(association, term.get(0).get("xpr"), pairs); // parenthesised
    }
    if (term.size() != 3 || !term.get(1).isTextual() || !term.get(1).textValue().equals("=")) {
      return false;
    }
    Operand left = operand(association, term.get(0));
    Operand right = operand(association, term.get(2));
    if (left.side() == Side.SOURCE && right.side() == Side.TARGET) {
      pairs.add(new ColumnPair(left.column(), right.column()));
      return true;
    }
    if (left.side() == Side.TARGET && right.side() == Side.SOURCE) {
      pairs.add(new ColumnPair(right.column(), left.column()));
      return true;
    }
    return false;
  }

  private static Operand operand(String association, JsonNode token) {
    if (!token.isObject() || CsnValues.isTrue(token.get("param"))) {
      return Operand.OTHER;
    }
    JsonNode ref = token.get("ref");
    List<String> path = textSteps(ref);
    if (path.isEmpty() || path.size() != ref.size()) {
      return Operand.OTHER; // a step with a filter or arguments
    }
    String first = path.get(0);
    if (first.equals(association)) {
      return path.size() == 2 ? new Operand(Side.TARGET, path.get(1)) : Operand.OTHER;
    }
    if (first.equals("$self") || first.equals("$projection")) {
      return path.size() == 2 ? new Operand(Side.SOURCE, path.get(1)) : Operand.OTHER;
    }
    if (first.startsWith("$")) {
      return Operand.OTHER; // $session, $user, $now, $parameters: not columns
    }
    // A longer path runs through another association of the entity, which Junction does not follow.
    return path.size() == 1 ? new Operand(Side.SOURCE, first) : Operand.OTHER;
  }

  private static List<String> textSteps(JsonNode ref) {
    List<String> steps = new ArrayList<>();
    if (ref != null && ref.isArray()) {
      ref.forEach(step -> CsnValues.text(step).ifPresent(steps::add));
    }
    return steps;
  }
}
