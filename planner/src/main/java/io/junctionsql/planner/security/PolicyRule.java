package io.junctionsql.planner.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One entry of {@code policies:}: whom it is for and what they may read, which columns they do not see
 * or see masked, and which rows of a table they see.
 *
 * @param name the rule's name, for messages
 * @param users the user names it is for ({@code *}: everyone)
 * @param groups the groups it is for ({@code *}: everyone)
 * @param read the tables it grants
 * @param deny the tables it refuses even where {@code read} grants them
 * @param hide the columns that do not exist for its identities
 * @param masks the columns whose values are replaced, in file order
 * @param rowFilters the conditions rows must meet, in file order
 */
public record PolicyRule(String name, Set<String> users, Set<String> groups, List<NamePattern> read,
    List<NamePattern> deny, List<NamePattern> hide, List<ColumnMask> masks, List<RowFilter> rowFilters) {

  /**
   * A {@code mask:} entry.
   *
   * @param column the columns it applies to
   * @param mask how their values are replaced
   */
  public record ColumnMask(NamePattern column, Mask mask) {
  }

  public PolicyRule {
    users = Set.copyOf(users);
    groups = Set.copyOf(groups);
    read = List.copyOf(read);
    deny = List.copyOf(deny);
    hide = List.copyOf(hide);
    masks = List.copyOf(masks);
    rowFilters = List.copyOf(rowFilters);
  }

  /** Whether the rule is for this identity: its user or one of its groups is listed, or {@code *} is. */
  public boolean matches(Identity identity) {
    return users.contains("*") || groups.contains("*") || users.contains(identity.user())
        || identity.groups().stream().anyMatch(groups::contains);
  }

  public boolean readable(String source, String schema, String table) {
    return read.stream().anyMatch(p -> p.matches(source, schema, table))
        && deny.stream().noneMatch(p -> p.matches(source, schema, table));
  }

  /** Whether some granted table may lie below these names (a source, or a source and schema). */
  public boolean mayHoldReadable(String... names) {
    return read.stream().anyMatch(p -> p.matchesPrefix(names));
  }

  public boolean hidden(String source, String schema, String table, String column) {
    return hide.stream().anyMatch(p -> p.matches(source, schema, table, column));
  }

  /** The first mask written for the column, if any. */
  public Optional<Mask> mask(String source, String schema, String table, String column) {
    return masks.stream().filter(m -> m.column().matches(source, schema, table, column)).map(ColumnMask::mask)
        .findFirst();
  }

  /** Every row filter written for the table: a row must meet all of them. */
  public List<RowFilter> rowFilters(String source, String schema, String table) {
    List<RowFilter> out = new ArrayList<>();
    rowFilters.stream().filter(f -> f.table().matches(source, schema, table)).forEach(out::add);
    return out;
  }
}
