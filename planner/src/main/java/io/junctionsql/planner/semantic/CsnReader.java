package io.junctionsql.planner.semantic;

import io.junctionsql.planner.config.ConfigException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads CSN exports of SAP Datasphere views into a {@link SemanticModel}. Every error is a
 * {@link ConfigException} naming the file, definition and element.
 *
 * <p>What it assumes of CSN, where exports vary or the specification is silent:
 * <ul>
 *   <li>Definitions of kind {@code entity} (or the older {@code view}) become entities; other kinds are read only
 *       as types elements refer to. Annotations Junction does not use, and values in shapes it does not know,
 *       are ignored, so newer exports still load.
 *   <li>An entity's name is the database view's name; names are case-sensitive.
 *   <li>A folder means its own *.json and *.csn files, not those of sub-folders, read in name order. A file may
 *       also hold a JSON list of CSN documents.
 *   <li>A missing {@code cardinality} means to-one, as in CDS.
 *   <li>An association with {@code keys} and no {@code on} is managed: its foreign keys are the columns
 *       {@code <association>_<alias or key>}; one with neither refers to the target's whole key the same way.
 *       A generated column the CSN does not list is added after its association, typed like the target key.
 *   <li>An association target no file defines is kept and marked unknown, except for a text association:
 *       without the text entity the language column is unknown, so that is an error.
 *   <li>{@code @ObjectModel.text.association} is read on the ID column, where the specification puts it.
 *   <li>Labels written as {@code {i18n>KEY}} resolve against the file's English bundle, else its default one.
 * </ul>
 */
public final class CsnReader {
  /** Reads one CSN file, or every *.json and *.csn file of a folder. */
  public SemanticModel read(Path fileOrFolder) {
    return read(List.of(fileOrFolder));
  }

  /** Reads several files and folders as one model; a definition may repeat only with identical content. */
  public SemanticModel read(List<Path> filesOrFolders) {
    List<String> origins = new ArrayList<>();
    List<CsnDocument> documents = new ArrayList<>();
    for (Path file : CsnFiles.expand(filesOrFolders)) {
      origins.add(file.toString());
      documents.addAll(CsnFiles.read(file));
    }
    return build(origins, documents);
  }

  /**
   * Reads CSN given as text, for example from Datasphere's catalog API.
   *
   * @param origin what messages call the CSN, such as its file name or URL
   */
  public SemanticModel parse(String origin, String csn) {
    return build(List.of(origin), CsnFiles.parse(origin, csn.getBytes(StandardCharsets.UTF_8)));
  }

  private static SemanticModel build(List<String> origins, List<CsnDocument> documents) {
    CsnDefinitions definitions = new CsnDefinitions();
    documents.forEach(definitions::add);
    // Two passes: an association's target may be defined later, or in another file.
    EntityReader reader = new EntityReader(new ElementReader(definitions));
    Map<String, EntityDraft> drafts = new LinkedHashMap<>();
    for (CsnDefinition definition : definitions.entities()) {
      drafts.put(definition.name(), reader.read(definition));
    }
    AssociationResolver resolver = new AssociationResolver(drafts);
    Map<String, SemanticEntity> entities = new LinkedHashMap<>();
    drafts.forEach((name, draft) -> entities.put(name, resolver.resolve(draft)));
    return new SemanticModel(entities, origins);
  }
}
