package io.junctionsql.planner.security.enforce;

import io.junctionsql.planner.security.Access;
import io.junctionsql.planner.semantic.SemanticAssociation;
import io.junctionsql.planner.semantic.SemanticElement;
import io.junctionsql.planner.semantic.SemanticEntity;
import io.junctionsql.planner.semantic.TextAssociation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A table's semantics as its view may show them: no hidden column, and no association (foreign key) or
 * text association that starts at a hidden column, leads to a table the identity may not read, or ends
 * at a column hidden there. References from the columns that stay to what was dropped are cleared.
 */
final class RestrictedSemantics {
  private RestrictedSemantics() {
  }

  static SemanticEntity of(SemanticEntity entity, TableView view, Access access, String source, String schema) {
    Predicate<String> shown = column -> !view.hides(column);
    List<SemanticAssociation> associations = new ArrayList<>();
    for (SemanticAssociation a : entity.associations()) {
      if (a.sourceColumns().stream().allMatch(shown) && access.readable(source, schema, a.target())
          && a.targetColumns().stream().noneMatch(c -> access.hidden(source, schema, a.target(), c))) {
        associations.add(a);
      }
    }
    Set<String> kept = associations.stream().map(SemanticAssociation::name).collect(Collectors.toSet());
    List<TextAssociation> texts = new ArrayList<>();
    for (TextAssociation t : entity.textAssociations()) {
      if (shown.test(t.idColumn()) && kept.contains(t.association())) {
        texts.add(t);
      }
    }
    List<SemanticElement> elements = new ArrayList<>();
    for (SemanticElement e : entity.elements()) {
      if (shown.test(e.name())) {
        elements.add(withoutDropped(e, shown, kept));
      }
    }
    return new SemanticEntity(entity.name(), entity.source(), entity.label(), entity.modelingPattern(),
        entity.exposed(), entity.parameters(), elements, associations, texts);
  }

  private static SemanticElement withoutDropped(SemanticElement e, Predicate<String> shown, Set<String> kept) {
    return new SemanticElement(e.name(), e.type(), e.key(), e.notNull(), e.label(), e.role(), e.measureType(),
        e.defaultAggregation(), e.currencyColumn().filter(shown), e.unitColumn().filter(shown), e.currencyCode(),
        e.unitOfMeasure(), e.text(), e.language(), e.textElements().stream().filter(shown).toList(),
        e.textAssociation().filter(kept::contains), e.foreignKeyAssociation().filter(kept::contains),
        e.personalData(), e.businessDateFrom(), e.businessDateTo(), e.generated());
  }

  static Optional<SemanticEntity> of(Optional<SemanticEntity> entity, TableView view, Access access, String source,
      String schema) {
    return entity.map(e -> of(e, view, access, source, schema));
  }
}
