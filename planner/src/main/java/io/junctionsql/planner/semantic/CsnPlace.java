package io.junctionsql.planner.semantic;

/** Where in the CSN something is, written the same way at the start of every message. */
record CsnPlace(String origin, String definition, String element) {
  static CsnPlace of(String origin, String definition) {
    return new CsnPlace(origin, definition, null);
  }

  CsnPlace element(String elementName) {
    return new CsnPlace(origin, definition, elementName);
  }

  @Override
  public String toString() {
    String where = "CSN file " + origin + ", definition '" + definition + "'";
    return element == null ? where : where + ", element '" + element + "'";
  }
}
