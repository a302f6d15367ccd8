package io.junctionsql.planner.semantic;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@code @PersonalData.*} says of a column: a candidate for masking.
 *
 * @param personal the column may hold personal data ({@code isPotentiallyPersonal}, or implied by the other two)
 * @param sensitive the column may hold sensitive personal data ({@code isPotentiallySensitive})
 * @param fieldSemantics the value of {@code @PersonalData.fieldSemantics}, for example {@code DataSubjectID}
 */
public record PersonalData(boolean personal, boolean sensitive, Optional<String> fieldSemantics) {
  public static final PersonalData NONE = new PersonalData(false, false, Optional.empty());

  public PersonalData {
    Objects.requireNonNull(fieldSemantics, "fieldSemantics");
  }
}
