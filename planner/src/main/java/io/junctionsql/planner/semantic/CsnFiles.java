package io.junctionsql.planner.semantic;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.junctionsql.planner.config.ConfigException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Finds CSN files and parses them into documents. */
final class CsnFiles {
  /**
   * Duplicate keys are refused because a definition written twice in one file would otherwise silently lose
   * its first version.
   */
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .build();

  private CsnFiles() {
  }

  /** The files to read: each file as given, and each folder's *.json and *.csn files (not sub-folders), by name. */
  static List<Path> expand(List<Path> paths) {
    List<Path> files = new ArrayList<>();
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        List<Path> inFolder = csnFilesIn(path);
        if (inFolder.isEmpty()) {
          throw new ConfigException("CSN folder " + path + " holds no .json or .csn file. Put the CSN exports of "
              + "the space's views there, or point at the files themselves.");
        }
        files.addAll(inFolder);
      } else {
        files.add(path);
      }
    }
    return files;
  }

  private static List<Path> csnFilesIn(Path folder) {
    try (Stream<Path> children = Files.list(folder)) {
      return children
          .filter(Files::isRegularFile)
          .filter(CsnFiles::hasCsnExtension)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new ConfigException("CSN folder " + folder + " cannot be listed (" + e.getClass().getSimpleName()
          + "). Check that Junction may read it.", e);
    }
  }

  private static boolean hasCsnExtension(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".json") || name.endsWith(".csn");
  }

  static List<CsnDocument> read(Path file) {
    byte[] content;
    try {
      content = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new ConfigException("CSN file " + file + " does not exist. Check the path, or export the view "
          + "again from Datasphere ('Export to CSN/JSON File').");
    } catch (IOException e) {
      throw new ConfigException("CSN file " + file + " cannot be read (" + e.getClass().getSimpleName()
          + "). Check that Junction may read it.", e);
    }
    return parse(file.toString(), content);
  }

  /**
   * Parses one file's content. Bytes rather than a string so that Jackson detects the encoding and skips a
   * byte order mark, which exports saved on Windows carry.
   */
  static List<CsnDocument> parse(String origin, byte[] content) {
    JsonNode root;
    try {
      root = JSON.readTree(content);
    } catch (JsonProcessingException e) {
      String location = e.getLocation() == null ? ""
          : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      throw new ConfigException("CSN file " + origin + " is not valid JSON" + location + ": "
          + e.getOriginalMessage() + ". Fix the file or export it again from Datasphere.", e);
    } catch (IOException e) {
      throw new ConfigException("CSN file " + origin + " cannot be read: " + e.getMessage(), e);
    }
    List<CsnDocument> documents = new ArrayList<>();
    // A list of CSN documents is accepted too: some tools write several exports into one file.
    if (root != null && root.isArray()) {
      root.forEach(item -> documents.add(document(origin, item)));
    } else {
      documents.add(document(origin, root));
    }
    return documents;
  }

  private static CsnDocument document(String origin, JsonNode root) {
    if (root == null || !root.isObject() || !root.path("definitions").isObject()) {
      throw new ConfigException("CSN file " + origin + " has no \"definitions\" object, so it is not a CSN "
          + "export. Export the view from Datasphere with 'Export to CSN/JSON File', or remove the file.");
    }
    return new CsnDocument(origin, root.get("definitions"), I18nLabels.from(root));
  }
}
