package io.junctionsql.server.deploy;

import com.fasterxml.jackson.databind.JsonNode;

import io.junctionsql.planner.config.ConfigNode;
import io.junctionsql.planner.config.GatewayConfig;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javax.xml.parsers.DocumentBuilderFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The container image, the Kubernetes manifests and the Kyma overlay agree with each other and with
 * the config they ship: a mismatch here is a pod that does not start, never gets ready, or loses its
 * clients' connections. Checks that take the manifests as the cluster sees them run for the plain
 * variant and for the Kyma overlay rendered by {@code kubectl kustomize} (skipped where kubectl is
 * missing; the Kyma pieces are also checked file by file without it).
 */
class ManifestsTest {
  /** The TLS Secret made outside the manifests (cert-manager or kubectl create secret tls). */
  static final String EXTERNAL_TLS_SECRET = "junction-tls";

  private static String renderedKyma;

  static DeployManifests variant(String name) {
    if (name.equals("kubernetes")) {
      return DeployManifests.kubernetes();
    }
    return DeployManifests.rendered(renderKyma());
  }

  private static synchronized String renderKyma() {
    if (renderedKyma == null) {
      Path root = DeployManifests.repositoryRoot();
      String out;
      try {
        Process p = new ProcessBuilder("kubectl", "kustomize", root.resolve("deploy/kyma").toString())
            .redirectErrorStream(true).start();
        out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assumeTrue(p.waitFor(60, TimeUnit.SECONDS), "kubectl kustomize did not finish");
        assertThat(p.exitValue()).as("kubectl kustomize deploy/kyma:\n%s", out).isZero();
      } catch (IOException e) {
        assumeTrue(false, "kubectl is not installed: " + e.getMessage());
        return null;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      renderedKyma = out;
    }
    return renderedKyma;
  }

  // ---- checks for each variant ------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"kubernetes", "kyma"})
  void everyMountHasAVolumeAndEveryVolumeIsMounted(String name) {
    DeployManifests m = variant(name);
    Set<String> volumes = new HashSet<>();
    m.podSpec().path("volumes").forEach(v -> volumes.add(v.path("name").asText()));
    assertThat(volumes).as("volumes").containsExactlyInAnyOrderElementsOf(new HashSet<>(m.mountPaths().values()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"kubernetes", "kyma"})
  void mountedConfigMapAndSecretKeysExist(String name) {
    DeployManifests m = variant(name);
    for (JsonNode v : m.podSpec().path("volumes")) {
      if (v.has("configMap")) {
        String cm = v.path("configMap").path("name").asText();
        JsonNode data = m.find("ConfigMap", cm).orElseThrow(() -> new AssertionError("no ConfigMap " + cm)).path("data");
        v.path("configMap").path("items").forEach(i ->
            assertThat(data.has(i.path("key").asText())).as("ConfigMap %s key %s", cm, i.path("key").asText()).isTrue());
      } else if (v.has("secret")) {
        String secret = v.path("secret").path("secretName").asText();
        List<String> keys = new ArrayList<>();
        v.path("secret").path("items").forEach(i -> keys.add(i.path("key").asText()));
        if (m.find("Secret", secret).isPresent()) {
          assertThat(m.secretValues(secret)).as("Secret %s", secret).containsKeys(keys.toArray(String[]::new));
        } else {
          // Only the TLS Secret lives outside the manifests; its keys are fixed by kubernetes.io/tls.
          assertThat(secret).as("a mounted Secret missing from the manifests").isEqualTo(EXTERNAL_TLS_SECRET);
          assertThat(keys).containsExactlyInAnyOrder("tls.crt", "tls.key");
        }
      }
    }
    for (JsonNode e : m.container().path("env")) {
      JsonNode ref = e.path("valueFrom").path("secretKeyRef");
      if (!ref.isMissingNode()) {
        assertThat(m.secretValues(ref.path("name").asText())).as("env %s", e.path("name").asText())
            .containsKey(ref.path("key").asText());
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"kubernetes", "kyma"})
  void everyEnvReferenceOfTheConfigIsFilledFromTheSecret(String name) {
    DeployManifests m = variant(name);
    List<String> names = m.configReferences().get("env");
    assertThat(names).isNotEmpty();
    for (String env : names) {
      JsonNode entry = null;
      for (JsonNode e : m.container().path("env")) {
        if (env.equals(e.path("name").asText())) {
          entry = e;
        }
      }
      assertThat(entry).as("an env entry for ${env:%s}", env).isNotNull();
      JsonNode ref = entry.path("valueFrom").path("secretKeyRef");
      assertThat(ref.isMissingNode()).as("${env:%s} comes from a Secret, not a plain value", env).isFalse();
      assertThat(m.secretValues(ref.path("name").asText())).containsKey(ref.path("key").asText());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"kubernetes", "kyma"})
  void everyFileTheConfigNamesIsMounted(String name) {
    DeployManifests m = variant(name);
    JsonNode server = m.config().path("server");
    List<String> files = new ArrayList<>(m.configReferences().get("file"));
    textAt(server, "tls", "certificate").ifPresent(files::add);
    textAt(server, "tls", "private_key").ifPresent(files::add);
    textAt(server, "auth", "basic", "users_file").ifPresent(files::add);
    assertThat(files).isNotEmpty();
    for (String file : files) {
      assertFileIsMounted(m, file);
    }
    // Delta tables on a volume: the location must be a read-only mount (object paths need none).
    m.config().path("sources").fields().forEachRemaining(s -> {
      String location = s.getValue().path("location").asText("");
      if ("delta".equals(s.getValue().path("kind").asText()) && location.startsWith("file:")) {
        String path = location.replaceFirst("^file:(//)?", "");
        String mount = mountHolding(m, path);
        assertThat(mount).as("a mount holding %s (source %s)", path, s.getKey()).isNotNull();
        assertThat(m.mountAt(mount).orElseThrow().path("readOnly").asBoolean()).as("%s read-only", mount).isTrue();
      }
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"kubernetes", "kyma"})
  void theConfigIsMountedWhereTheImageReadsIt(String name) {
    DeployManifests m = variant(name);
    List<String> cmd = m.container().has("args") ? texts(m.container().path("args")) : m.dockerExecForm("CMD");
    assertThat(cmd).containsSubsequence("serve", "--config", DeployManifests.CONFIG_PATH);
    JsonNode mount = m.mountAt(DeployManifests.CONFIG_PATH).orElseThrow();
    JsonNode volume = m.volume(mount.path("name").asText());
    assertThat(volume.has("configMap")).isTrue();
    assertThat(itemPaths(volume.path("configMap"))).contains(mount.path("subPath").asText());
    assertThat(m.configYaml()).contains("sources:");
  }

  @ParameterizedTest
  @ValueSource(strings = {"kubernetes", "kyma"})
  void probesHitTheManagementPort(String name) {
    DeployManifests m = variant(name);
    assertThat(m.probePaths()).isEqualTo(new DeployManifests.Probes("/health/live", "/health/ready"));
    for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
      JsonNode get = m.container().path(probe).path("httpGet");
      if (!get.isMissingNode()) {
        assertThat(m.containerPort(get.path("port"))).as(probe).isEqualTo(m.managementPort());
        assertThat(get.path("scheme").asText("HTTP")).as("%s scheme: the management port is plain HTTP", probe)
            .isEqualTo("HTTP");
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"kubernetes", "kyma"})
  void serviceTargetsTheContainerPortsByNameWithClientIpAffinity(String name) {
    DeployManifests m = variant(name);
    JsonNode service = m.service();
    assertThat(service.path("spec").path("type").asText("ClusterIP")).isEqualTo("ClusterIP");
    assertThat(service.path("spec").path("sessionAffinity").asText()).isEqualTo("ClientIP");
    Set<Integer> targets = new HashSet<>();
    for (JsonNode p : service.path("spec").path("ports")) {
      JsonNode target = p.path("targetPort");
      assertThat(target.isTextual()).as("port %s targets a container port by name", p.path("name").asText()).isTrue();
      targets.add(m.containerPort(target));
    }
    assertThat(targets).containsExactlyInAnyOrder(m.port(), m.managementPort());
    JsonNode podLabels = m.deployment().path("spec").path("template").path("metadata").path("labels");
    service.path("spec").path("selector").fields().forEachRemaining(e ->
        assertThat(podLabels.path(e.getKey()).asText()).as("selector %s", e.getKey()).isEqualTo(e.getValue().asText()));
    assertThat(m.containerPort(textNode("avatica"))).isEqualTo(m.port());
  }

  @ParameterizedTest
  @ValueSource(strings = {"kubernetes", "kyma"})
  void theImageExposesTheConfiguredPorts(String name) {
    DeployManifests m = variant(name);
    assertThat(m.exposedPorts()).containsExactlyInAnyOrder(m.port(), m.managementPort());
  }

  @ParameterizedTest
  @ValueSource(strings = {"kubernetes", "kyma"})
  void theGracePeriodOutlastsPreStopAndTheDrain(String name) {
    DeployManifests m = variant(name);
    Duration grace = Duration.ofSeconds(m.podSpec().path("terminationGracePeriodSeconds").asLong());
    Duration preStop = Duration.ofSeconds(m.container().path("lifecycle").path("preStop").path("sleep").path("seconds").asLong());
    assertThat(preStop).as("a preStop sleep").isPositive();
    assertThat(m.shutdownGrace()).isPositive();
    assertThat(grace).as("terminationGracePeriodSeconds").isGreaterThan(preStop.plus(m.shutdownGrace()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"kubernetes", "kyma"})
  void thePodRunsAsTheImageUserOnAReadOnlyRoot(String name) {
    DeployManifests m = variant(name);
    JsonNode pod = m.podSpec().path("securityContext");
    String uid = pod.path("runAsUser").asText();
    assertThat(pod.path("runAsNonRoot").asBoolean()).isTrue();
    assertThat(m.dockerInstruction("USER")).isEqualTo(uid + ":" + pod.path("runAsGroup").asText());
    assertThat(m.dockerInstruction("RUN")).contains("--uid " + uid).contains("--gid " + pod.path("runAsGroup").asText());
    JsonNode container = m.container().path("securityContext");
    assertThat(container.path("readOnlyRootFilesystem").asBoolean()).isTrue();
    assertThat(container.path("allowPrivilegeEscalation").asBoolean(true)).isFalse();
    assertThat(m.volume(m.mountPaths().get("/tmp")).has("emptyDir")).as("/tmp is an emptyDir").isTrue();
    assertThat(m.dockerExecForm("ENTRYPOINT")).anyMatch(a -> a.startsWith("-XX:MaxRAMPercentage="));
    assertThat(m.container().path("resources").path("limits").has("memory")).as("a memory limit to size the heap from").isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"kubernetes", "kyma"})
  void thePlannerAcceptsTheSources(String name) {
    GatewayConfig config = variant(name).loadedConfig();
    assertThat(config.sources()).containsKeys("sales", "lake");
    assertThat(config.sources().get("lake").kind()).isEqualTo("delta");
  }

  // ---- the plain variant ------------------------------------------------------------------------

  @Test
  void secretsHoldOnlyObviousPlaceholders() {
    DeployManifests m = DeployManifests.kubernetes();
    Map<String, String> values = m.secretValues("junction-secrets");
    assertThat(values).isNotEmpty();
    values.forEach((k, v) -> assertThat(v).as("Secret key %s", k).contains("REPLACE_ME"));
    assertThat(m.config().path("server").has("tls")).as("the plain variant serves HTTPS itself").isTrue();
  }

  @Test
  void theDocsSayHowToCreateTheTlsSecret() {
    assertThat(DeployManifests.kubernetes().read("docs/deploy-kyma.md"))
        .contains("kubectl create secret tls " + EXTERNAL_TLS_SECRET);
  }

  // ---- the Kyma overlay, file by file -----------------------------------------------------------

  @Test
  void theApiRuleExposesTheAvaticaPortWithTheServersJwtIssuer() {
    DeployManifests base = DeployManifests.kubernetes();
    JsonNode rule = kymaFile("apirule.yaml");
    assertThat(rule.path("apiVersion").asText()).isEqualTo("gateway.kyma-project.io/v2");
    JsonNode service = rule.path("spec").path("service");
    assertThat(service.path("name").asText()).isEqualTo(base.service().path("metadata").path("name").asText());
    JsonNode avatica = null;
    for (JsonNode p : base.service().path("spec").path("ports")) {
      if (base.containerPort(p.path("targetPort")) == base.port()) {
        avatica = p;
      }
    }
    assertThat(avatica).isNotNull();
    assertThat(service.path("port").asInt()).isEqualTo(avatica.path("port").asInt());

    ConfigNode server = kymaConfig().server();
    assertThat(Duration.ofSeconds(rule.path("spec").path("timeout").asLong()))
        .as("the gateway's timeout outlasts the longest query").isGreaterThan(server.child("limits").duration("query_timeout", null));
    JsonNode jwt = rule.path("spec").path("rules").get(0).path("jwt");
    ConfigNode serverJwt = server.child("auth").child("jwt");
    assertThat(jwt.path("authentications").get(0).path("issuer").asText()).isEqualTo(serverJwt.requiredString("issuer"));
    assertThat(texts(jwt.path("authorizations").get(0).path("audiences"))).contains(serverJwt.requiredString("audience"));
    assertThat(texts(rule.path("spec").path("rules").get(0).path("methods"))).contains("POST");
  }

  @Test
  void theKymaOverlayTurnsServerTlsOffAndAddsTheSidecar() {
    assertThat(kymaConfig().server().has("tls")).as("the Istio gateway terminates TLS").isFalse();
    assertThat(DeployManifests.readOne(DeployManifests.kubernetes().read("deploy/kyma/junction.yaml")).path("server").path("port").asInt())
        .isEqualTo(DeployManifests.kubernetes().port());
    JsonNode patch = kymaFile("deployment-patch.yaml").path("spec").path("template");
    assertThat(patch.path("metadata").path("labels").path("sidecar.istio.io/inject").asText()).isEqualTo("true");
    JsonNode deleted = patch.path("spec").path("volumes").get(0);
    assertThat(deleted.path("name").asText()).isEqualTo("tls");
    assertThat(deleted.path("$patch").asText()).isEqualTo("delete");
    // The sidecar keeps forwarding through the whole drain, and gives up before the kubelet does.
    DeployManifests base = DeployManifests.kubernetes();
    Duration drain = Duration.parse("PT" + DeployManifests.readOne(
        patch.path("metadata").path("annotations").path("proxy.istio.io/config").asText())
        .path("terminationDrainDuration").asText().toUpperCase(java.util.Locale.ROOT));
    Duration preStop = Duration.ofSeconds(base.container().path("lifecycle").path("preStop").path("sleep").path("seconds").asLong());
    assertThat(drain).isGreaterThanOrEqualTo(preStop.plus(kymaConfig().server().duration("shutdown_grace", null)));
    assertThat(drain).isLessThan(Duration.ofSeconds(base.podSpec().path("terminationGracePeriodSeconds").asLong()));
    JsonNode servicePort = kymaFile("service-patch.yaml").path("spec").path("ports").get(0);
    assertThat(servicePort.path("port").asInt()).isEqualTo(base.port());
    assertThat(servicePort.path("appProtocol").asText()).isEqualTo("http");
  }

  @Test
  void stickySessionsInTheMeshHashToTheService() {
    JsonNode rule = kymaFile("destinationrule.yaml");
    assertThat(rule.path("spec").path("host").asText())
        .isEqualTo(DeployManifests.kubernetes().service().path("metadata").path("name").asText());
    assertThat(rule.path("spec").path("trafficPolicy").path("loadBalancer").path("consistentHash").isObject()).isTrue();
  }

  @Test
  void theKymaVariantRendersWithTheOverlaysConfig() {
    DeployManifests kyma = variant("kyma");
    assertThat(kyma.configYaml()).isEqualTo(DeployManifests.kubernetes().read("deploy/kyma/junction.yaml"));
    assertThat(kyma.mountPaths()).doesNotContainKey("/etc/junction/tls");
    assertThat(kyma.find("APIRule", "junction")).isPresent();
    assertThat(kyma.find("DestinationRule", "junction")).isPresent();
  }

  // ---- the Jib profile --------------------------------------------------------------------------

  @Test
  void theJibProfileBuildsTheSameImageAsTheDockerfile() throws Exception {
    DeployManifests m = DeployManifests.kubernetes();
    Element jib = jibConfiguration(m.read("server/pom.xml"));
    assertThat(text(jib, "from", "image")).isEqualTo(m.dockerInstruction("FROM"));
    Element container = child(jib, "container");
    assertThat(text(container, "user")).isEqualTo(m.dockerInstruction("USER"));
    List<Integer> ports = new ArrayList<>();
    for (String p : texts(child(container, "ports"))) {
      ports.add(Integer.parseInt(p));
    }
    assertThat(ports).containsExactlyInAnyOrderElementsOf(m.exposedPorts());
    List<String> entrypoint = m.dockerExecForm("ENTRYPOINT");
    assertThat(text(container, "mainClass")).isEqualTo(entrypoint.get(entrypoint.size() - 1));
    List<String> dockerFlags = entrypoint.stream().filter(a -> a.startsWith("-X") || a.startsWith("-D")).toList();
    assertThat(texts(child(container, "jvmFlags"))).containsExactlyElementsOf(dockerFlags);
    assertThat(texts(child(container, "args"))).containsExactlyElementsOf(m.dockerExecForm("CMD"));
    // Jib cannot run useradd: it ships the passwd entry Hadoop's login needs for the uid.
    String uid = m.dockerInstruction("USER").split(":")[0];
    assertThat(m.read("deploy/jib/etc/passwd")).containsPattern("(?m)^junction:x:" + uid + ":" + uid + ":");
  }

  // ---- helpers ----------------------------------------------------------------------------------

  private static JsonNode kymaFile(String file) {
    return DeployManifests.readOne(DeployManifests.kubernetes().read("deploy/kyma/" + file));
  }

  private static GatewayConfig kymaConfig() {
    DeployManifests base = DeployManifests.kubernetes();
    return DeployManifests.load(base.read("deploy/kyma/junction.yaml"), base.secretEnvironment());
  }

  /** Asserts that a file path lies under a mount and, for a ConfigMap or Secret mount, is one of its items. */
  private static void assertFileIsMounted(DeployManifests m, String file) {
    String mount = mountHolding(m, file);
    assertThat(mount).as("a mount holding %s (mounts: %s)", file, m.mountPaths().keySet()).isNotNull();
    JsonNode volume = m.volume(m.mountPaths().get(mount));
    JsonNode source = volume.has("secret") ? volume.path("secret") : volume.path("configMap");
    if (!source.isMissingNode() && source.has("items")) {
      String subPath = m.mountAt(mount).orElseThrow().path("subPath").asText("");
      String relative = mount.equals(file) ? subPath : file.substring(mount.length() + 1);
      assertThat(itemPaths(source)).as("the volume mounted at %s holds %s", mount, file).contains(relative);
    }
  }

  /** The longest mount path equal to or above the file, or null. */
  private static String mountHolding(DeployManifests m, String file) {
    String best = null;
    for (String mount : m.mountPaths().keySet()) {
      if ((file.equals(mount) || file.startsWith(mount + "/")) && (best == null || mount.length() > best.length())) {
        best = mount;
      }
    }
    return best;
  }

  private static List<String> itemPaths(JsonNode source) {
    List<String> out = new ArrayList<>();
    source.path("items").forEach(i -> out.add(i.path("path").asText()));
    return out;
  }

  private static java.util.Optional<String> textAt(JsonNode node, String... path) {
    JsonNode n = node;
    for (String p : path) {
      n = n.path(p);
    }
    return n.isValueNode() ? java.util.Optional.of(n.asText()) : java.util.Optional.empty();
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static JsonNode textNode(String s) {
    return com.fasterxml.jackson.databind.node.TextNode.valueOf(s);
  }

  private static Element jibConfiguration(String pom) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(pom.getBytes(StandardCharsets.UTF_8)));
    NodeList plugins = doc.getElementsByTagName("plugin");
    for (int i = 0; i < plugins.getLength(); i++) {
      Element plugin = (Element) plugins.item(i);
      if ("jib-maven-plugin".equals(text(plugin, "artifactId"))) {
        Element profile = (Element) plugin.getParentNode().getParentNode().getParentNode();
        assertThat(text(profile, "id")).as("the Jib plugin sits in the jib profile only").isEqualTo("jib");
        return child(plugin, "configuration");
      }
    }
    throw new AssertionError("server/pom.xml has no jib-maven-plugin");
  }

  private static Element child(Element parent, String name) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        return e;
      }
    }
    throw new AssertionError("<" + parent.getTagName() + "> has no <" + name + ">");
  }

  private static String text(Element parent, String... path) {
    Element e = parent;
    for (String p : path) {
      e = child(e, p);
    }
    return e.getTextContent().strip();
  }

  private static List<String> texts(Element parent) {
    List<String> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        out.add(e.getTextContent().strip());
      }
    }
    return out;
  }
}
