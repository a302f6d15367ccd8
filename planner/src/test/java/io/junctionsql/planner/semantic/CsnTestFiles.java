package io.junctionsql.planner.semantic;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/** The CSN files under src/test/resources/csn. */
final class CsnTestFiles {
  private CsnTestFiles() {
  }

  static Path path(String relative) {
    try {
      return Path.of(CsnTestFiles.class.getResource("/csn/" + relative).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static SemanticModel sales() {
    return new CsnReader().read(path("sales"));
  }

  /** The sales space and the logistics export with managed associations, read together. */
  static SemanticModel salesAndLogistics() {
    return new CsnReader().read(List.of(path("sales"), path("managed/Deliveries.csn")));
  }

  /** Wraps definitions (the inside of the "definitions" object) into a CSN document. */
  static String csn(String definitions) {
    return "{\"definitions\": {" + definitions + "}}";
  }
}
