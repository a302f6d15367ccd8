package io.junctionsql.planner.semantic;

import com.fasterxml.jackson.databind.JsonNode;

/** The definitions of one CSN file, with the labels bundle they resolve against. */
record CsnDocument(String origin, JsonNode definitions, I18nLabels labels) {
}
