package io.junctionsql.server.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.junctionsql.planner.config.ConfigLoader;
import io.junctionsql.planner.config.ConfigNode;
import io.junctionsql.planner.config.GatewayConfig;
import io.junctionsql.planner.source.SourceKinds;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The deployment manifests read as data, for tests that keep them consistent with each other and
 * with the server: the Kubernetes resources of {@code deploy/kubernetes} (or a rendered variant such
 * as {@code kubectl kustomize deploy/kyma}), the gateway config inside their ConfigMap, and the
 * Dockerfile.
 *
 * <p>A test that starts the real server from the shipped config can take {@link #configYaml()},
 * {@link #secretEnvironment()} (what the Deployment puts in the environment) and {@link #mountPaths()}
 * (where files are expected), then probe {@link #managementPort()} at {@link #probePaths()}.
 */
public final class DeployManifests {
  /** The container that runs the server. */
  public static final String CONTAINER = "junction";
  /** The ConfigMap key holding the gateway config. */
  public static final String CONFIG_KEY = "junction.yaml";
  /** Where the image's command reads the config (deploy/Dockerfile's CMD). */
  public static final String CONFIG_PATH = "/etc/junction/junction.yaml";

  private static final YAMLMapper YAML = new YAMLMapper();
  private static final Pattern REFERENCE = Pattern.compile("\\$\\{(env|file):([^}]+)}");

  /** The liveness and readiness probe paths of the server container. */
  public record Probes(String liveness, String readiness) {
  }

  private final Path root;
  private final List<JsonNode> resources;

  private DeployManifests(Path root, List<JsonNode> resources) {
    this.root = root;
    this.resources = List.copyOf(resources);
  }

  /** The plain Kubernetes variant: every resource file of deploy/kubernetes. */
  public static DeployManifests kubernetes() {
    Path root = repositoryRoot();
    Path dir = root.resolve("deploy/kubernetes");
    List<JsonNode> docs = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.sorted().toList()) {
        String name = f.getFileName().toString();
        if (name.endsWith(".yaml") && !name.equals("kustomization.yaml")) {
          docs.addAll(readAll(Files.readString(f)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new DeployManifests(root, docs);
  }

  /** A variant rendered elsewhere, for example by {@code kubectl kustomize deploy/kyma}. */
  public static DeployManifests rendered(String multiDocumentYaml) {
    return new DeployManifests(repositoryRoot(), readAll(multiDocumentYaml));
  }

  /** The checkout's top folder (the one holding deploy/), found upwards from the working directory. */
  public static Path repositoryRoot() {
    for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("deploy/kubernetes/kustomization.yaml"))) {
        return p;
      }
    }
    throw new IllegalStateException("no deploy/kubernetes/kustomization.yaml above " + Paths.get("").toAbsolutePath());
  }

  /** Every document of a multi-document YAML text, empty ones left out. */
  public static List<JsonNode> readAll(String yaml) {
    List<JsonNode> out = new ArrayList<>();
    try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(yaml)) {
      while (it.hasNextValue()) {
        JsonNode doc = it.nextValue();
        if (doc != null && doc.isObject() && !doc.isEmpty()) {
          out.add(doc);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** One YAML document. */
  public static JsonNode readOne(String yaml) {
    List<JsonNode> docs = readAll(yaml);
    if (docs.size() != 1) {
      throw new IllegalArgumentException("expected one YAML document, found " + docs.size());
    }
    return docs.get(0);
  }

  public Path root() {
    return root;
  }

  public List<JsonNode> resources() {
    return resources;
  }

  /** The resource of that kind and name, if the manifests hold it. */
  public Optional<JsonNode> find(String kind, String name) {
    return resources.stream()
        .filter(r -> kind.equals(r.path("kind").asText()) && name.equals(r.path("metadata").path("name").asText()))
        .findFirst();
  }

  /** The only resource of that kind. */
  public JsonNode only(String kind) {
    List<JsonNode> found = resources.stream().filter(r -> kind.equals(r.path("kind").asText())).toList();
    if (found.size() != 1) {
      throw new IllegalStateException("expected one " + kind + ", found " + found.size());
    }
    return found.get(0);
  }

  public JsonNode deployment() {
    return only("Deployment");
  }

  public JsonNode service() {
    return only("Service");
  }

  public JsonNode podSpec() {
    return deployment().path("spec").path("template").path("spec");
  }

  /** The server container of the Deployment. */
  public JsonNode container() {
    for (JsonNode c : podSpec().path("containers")) {
      if (CONTAINER.equals(c.path("name").asText())) {
        return c;
      }
    }
    throw new IllegalStateException("the Deployment has no container named " + CONTAINER);
  }

  /** The ConfigMap the Deployment mounts at {@link #CONFIG_PATH}. */
  public JsonNode configMap() {
    JsonNode mount = mountAt(CONFIG_PATH).orElseThrow(() ->
        new IllegalStateException("nothing is mounted at " + CONFIG_PATH));
    String name = volume(mount.path("name").asText()).path("configMap").path("name").asText();
    return find("ConfigMap", name).orElseThrow(() -> new IllegalStateException("no ConfigMap " + name));
  }

  /** The gateway config the server starts with, as the ConfigMap holds it. */
  public String configYaml() {
    return configMap().path("data").path(CONFIG_KEY).asText();
  }

  /** {@link #configYaml()} read as a tree. */
  public JsonNode config() {
    return readOne(configYaml());
  }

  /**
   * The config as the planner reads it, with {@code ${env:...}} filled from {@link #secretEnvironment()}.
   * Only the {@code sources:} section is validated here; the {@code server:} section is the server's.
   */
  public GatewayConfig loadedConfig() {
    return load(configYaml(), secretEnvironment());
  }

  /** A gateway config text read by the planner as if it were the file at {@link #CONFIG_PATH}. */
  public static GatewayConfig load(String yaml, Map<String, String> environment) {
    return new ConfigLoader(SourceKinds.parsers(), environment)
        .parse(Path.of(CONFIG_PATH), yaml, Path.of(CONFIG_PATH).getParent());
  }

  /** The config's {@code server:} section as the planner's config node, for durations and numbers. */
  public ConfigNode serverConfig() {
    return loadedConfig().server();
  }

  /** server.port: Avatica. */
  public int port() {
    return serverConfig().intValue("port", -1, 1, 65535);
  }

  /** server.management_port: health and metrics. */
  public int managementPort() {
    return serverConfig().intValue("management_port", -1, 1, 65535);
  }

  public Duration shutdownGrace() {
    return serverConfig().duration("shutdown_grace", null);
  }

  public Duration queryTimeout() {
    return serverConfig().child("limits").duration("query_timeout", null);
  }

  /** The HTTP paths of the server container's liveness and readiness probes. */
  public Probes probePaths() {
    JsonNode c = container();
    return new Probes(c.path("livenessProbe").path("httpGet").path("path").asText(null),
        c.path("readinessProbe").path("httpGet").path("path").asText(null));
  }

  /** A container port number by its name (as probes and the Service refer to it), or the number itself. */
  public int containerPort(JsonNode nameOrNumber) {
    if (nameOrNumber.isInt()) {
      return nameOrNumber.asInt();
    }
    for (JsonNode p : container().path("ports")) {
      if (nameOrNumber.asText().equals(p.path("name").asText())) {
        return p.path("containerPort").asInt();
      }
    }
    throw new IllegalStateException("the container has no port named " + nameOrNumber.asText());
  }

  /** The pod's volume of that name (a missing node when there is none). */
  public JsonNode volume(String name) {
    for (JsonNode v : podSpec().path("volumes")) {
      if (name.equals(v.path("name").asText())) {
        return v;
      }
    }
    return MissingNode.getInstance();
  }

  /** The server container's mounts by mount path, each with its volume's name. */
  public Map<String, String> mountPaths() {
    Map<String, String> out = new LinkedHashMap<>();
    for (JsonNode m : container().path("volumeMounts")) {
      out.put(m.path("mountPath").asText(), m.path("name").asText());
    }
    return out;
  }

  public Optional<JsonNode> mountAt(String mountPath) {
    for (JsonNode m : container().path("volumeMounts")) {
      if (mountPath.equals(m.path("mountPath").asText())) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  /** The keys of a Secret of the manifests, from data and stringData. */
  public Map<String, String> secretValues(String name) {
    JsonNode secret = find("Secret", name).orElseThrow(() -> new IllegalStateException("no Secret " + name));
    Map<String, String> out = new LinkedHashMap<>();
    secret.path("data").fields().forEachRemaining(e -> out.put(e.getKey(),
        new String(Base64.getDecoder().decode(e.getValue().asText()), StandardCharsets.UTF_8)));
    secret.path("stringData").fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }

  /**
   * The environment the Deployment gives the server container: plain values as written, Secret
   * references with the (placeholder) value of the Secret in the manifests.
   */
  public Map<String, String> secretEnvironment() {
    Map<String, String> out = new LinkedHashMap<>();
    for (JsonNode e : container().path("env")) {
      JsonNode ref = e.path("valueFrom").path("secretKeyRef");
      if (!ref.isMissingNode()) {
        String value = find("Secret", ref.path("name").asText()).isPresent()
            ? secretValues(ref.path("name").asText()).get(ref.path("key").asText()) : null;
        if (value != null) {
          out.put(e.path("name").asText(), value);
        }
      } else if (e.has("value")) {
        out.put(e.path("name").asText(), e.path("value").asText());
      }
    }
    return out;
  }

  /** The {@code ${env:NAME}} and {@code ${file:PATH}} references of the config, as kind to names. */
  public Map<String, List<String>> configReferences() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    out.put("env", new ArrayList<>());
    out.put("file", new ArrayList<>());
    Matcher m = REFERENCE.matcher(configYaml());
    while (m.find()) {
      out.get(m.group(1)).add(m.group(2).trim());
    }
    return out;
  }

  /** deploy/Dockerfile. */
  public String dockerfile() {
    return read("deploy/Dockerfile");
  }

  /** The Dockerfile's instructions in order, as keyword (upper case) and arguments, comments dropped. */
  public List<Map.Entry<String, String>> dockerInstructions() {
    List<Map.Entry<String, String>> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : dockerfile().split("\n")) {
      String t = line.strip();
      if (t.startsWith("#") || (t.isEmpty() && current.length() == 0)) {
        continue;
      }
      if (t.endsWith("\\")) {
        current.append(t, 0, t.length() - 1).append(' ');
        continue;
      }
      current.append(t);
      String instruction = current.toString().strip();
      current.setLength(0);
      if (!instruction.isEmpty()) {
        String[] parts = instruction.split("\\s+", 2);
        out.add(Map.entry(parts[0].toUpperCase(Locale.ROOT), parts.length > 1 ? parts[1].strip() : ""));
      }
    }
    return out;
  }

  /** The arguments of the last instruction with that keyword (the one that counts for USER, CMD...). */
  public String dockerInstruction(String keyword) {
    String found = null;
    for (Map.Entry<String, String> i : dockerInstructions()) {
      if (i.getKey().equals(keyword)) {
        found = i.getValue();
      }
    }
    if (found == null) {
      throw new IllegalStateException("deploy/Dockerfile has no " + keyword);
    }
    return found;
  }

  /** An exec-form (JSON array) instruction such as ENTRYPOINT or CMD, as its words. */
  public List<String> dockerExecForm(String keyword) {
    List<String> out = new ArrayList<>();
    readOne("v: " + dockerInstruction(keyword)).path("v").forEach(n -> out.add(n.asText()));
    return out;
  }

  /** The ports the image EXPOSEs. */
  public List<Integer> exposedPorts() {
    List<Integer> out = new ArrayList<>();
    for (Map.Entry<String, String> i : dockerInstructions()) {
      if (i.getKey().equals("EXPOSE")) {
        for (String p : i.getValue().split("\\s+")) {
          out.add(Integer.parseInt(p.replace("/tcp", "")));
        }
      }
    }
    return out;
  }

  /** A file of the checkout, by its path from the top. */
  public String read(String relative) {
    try {
      return Files.readString(root.resolve(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
