package io.junctionsql.planner.semantic;

import java.util.Objects;

/**
 * Something in the CSN that does not match the database but need not stop the gateway.
 *
 * @param source the CSN file
 * @param entity the entity concerned
 * @param message what is wrong and what to do, naming file and entity
 */
public record SemanticWarning(String source, String entity, String message) {
  public SemanticWarning {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(message, "message");
  }
}
