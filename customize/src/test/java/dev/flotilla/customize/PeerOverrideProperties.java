package dev.flotilla.customize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flotilla.api.Cluster;
import dev.flotilla.api.customize.Customization;
import dev.flotilla.api.io.CustomizationReader;
import dev.flotilla.api.io.PolicyWriter;
import dev.flotilla.api.kube.ClusterObjects;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * On random clusters and manifests, a peer's override policy read by Flotilla, and its Flotilla
 * form (PolicyWriter, then CustomizationReader), produce what a straightforward implementation of
 * the peer's semantics (below, written from karmada pkg/util/overridemanager and kubefleet
 * pkg/controllers/workgenerator/override.go) produces: the same manifest, or an error both ways.
 */
class PeerOverrideProperties {

  // ---- Karmada ----------------------------------------------------------------------------

  /** A Karmada Cluster as the reference reads it. */
  record KCluster(
      String name,
      Map<String, String> labels,
      String provider,
      String region,
      List<String> zones) {}

  record Target(
      List<String> names,
      List<String> exclude,
      Optional<String> env,
      Optional<String> regionOp,
      List<String> regions) {}

  /** One overrider: kind, operator, and its arguments. */
  record Overrider(String kind, String operator, String a, String b) {}

  record KRule(Optional<Target> target, List<Overrider> overriders) {}

  static final List<String> NAMES = List.of("c0", "c1", "c2", "c3");
  static final List<String> REGIONS = List.of("eu", "us", "");
  static final List<String> TAGS = List.of("v2", "latest", "sha256:" + "a".repeat(64), "@bad", "");

  static KCluster kCluster(Random r, String name) {
    Map<String, String> labels = new LinkedHashMap<>();
    if (r.nextBoolean()) {
      labels.put("env", r.nextBoolean() ? "prod" : "dev");
    }
    List<String> zones = new ArrayList<>();
    for (String z : List.of("z1", "z2")) {
      if (r.nextBoolean()) {
        zones.add(z);
      }
    }
    return new KCluster(
        name, labels, r.nextBoolean() ? "aws" : "", REGIONS.get(r.nextInt(3)), zones);
  }

  static Cluster flotilla(KCluster c) {
    ObjectNode object = Fixtures.JSON.createObjectNode();
    object.put("apiVersion", "cluster.karmada.io/v1alpha1").put("kind", "Cluster");
    ObjectNode meta = object.putObject("metadata").put("name", c.name());
    ObjectNode labels = meta.putObject("labels");
    c.labels().forEach(labels::put);
    ObjectNode spec = object.putObject("spec");
    if (!c.provider().isEmpty()) {
      spec.put("provider", c.provider());
    }
    if (!c.region().isEmpty()) {
      spec.put("region", c.region());
    }
    ArrayNode zones = spec.putArray("zones");
    c.zones().forEach(zones::add);
    return ClusterObjects.standard().toCluster(object);
  }

  static <T> List<T> some(Random r, List<T> from) {
    List<T> out = new ArrayList<>();
    for (T t : from) {
      if (r.nextInt(3) == 0) {
        out.add(t);
      }
    }
    return out;
  }

  static KRule kRule(Random r) {
    Optional<Target> target = Optional.empty();
    if (r.nextInt(4) > 0) {
      target =
          Optional.of(
              new Target(
                  some(r, NAMES),
                  some(r, NAMES),
                  r.nextBoolean()
                      ? Optional.of(r.nextBoolean() ? "prod" : "dev")
                      : Optional.empty(),
                  r.nextBoolean()
                      ? Optional.of(r.nextBoolean() ? "In" : "NotIn")
                      : Optional.empty(),
                  some(r, List.of("eu", "us"))));
    }
    List<Overrider> overriders = new ArrayList<>();
    int n = 1 + r.nextInt(4);
    String[] ops = {"add", "remove", "replace"};
    for (int i = 0; i < n; i++) {
      String op = ops[r.nextInt(3)];
      String key = "k" + r.nextInt(3);
      String value = r.nextInt(5) == 0 ? "v-${x}" : "v" + r.nextInt(3);
      overriders.add(
          switch (r.nextInt(6)) {
            case 0 -> new Overrider("labelsOverrider", op, key, value.replace("${x}", "x"));
            case 1 -> new Overrider("annotationsOverrider", op, key, value);
            case 2 -> new Overrider("plaintext", r.nextBoolean() ? "add" : "remove", key, value);
            case 3 ->
                new Overrider(
                    "imageOverrider",
                    op,
                    List.of("Registry", "Repository", "Tag").get(r.nextInt(3)),
                    r.nextBoolean()
                        ? TAGS.get(r.nextInt(TAGS.size()))
                        : List.of("mirror.io", "/x", "lib/app").get(r.nextInt(3)));
            case 4 ->
                new Overrider(
                    "commandOverrider",
                    r.nextBoolean() ? "add" : "remove",
                    r.nextBoolean() ? "app" : "other",
                    "-" + key);
            default ->
                new Overrider(
                    "argsOverrider", r.nextBoolean() ? "add" : "remove", "app", "--" + key);
          });
    }
    return new KRule(target, overriders);
  }

  static String yamlString(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  static String karmadaYaml(String kind, String name, List<KRule> rules) {
    StringBuilder y =
        new StringBuilder(
            "apiVersion: policy.karmada.io/v1alpha1\nkind: "
                + kind
                + "\nmetadata: {name: "
                + name
                + ", namespace: default}\nspec:\n  overrideRules:\n");
    for (KRule rule : rules) {
      y.append("  - overriders:\n");
      for (String kind2 :
          List.of(
              "imageOverrider",
              "commandOverrider",
              "argsOverrider",
              "labelsOverrider",
              "annotationsOverrider",
              "plaintext")) {
        List<Overrider> of =
            rule.overriders().stream().filter(o -> o.kind().equals(kind2)).toList();
        if (of.isEmpty()) {
          continue;
        }
        y.append("      ").append(kind2).append(":\n");
        for (Overrider o : of) {
          y.append("      - ")
              .append(
                  switch (kind2) {
                    case "imageOverrider" ->
                        "{component: "
                            + o.a()
                            + ", operator: "
                            + o.operator()
                            + ", value: "
                            + yamlString(o.b())
                            + "}";
                    case "commandOverrider", "argsOverrider" ->
                        "{containerName: "
                            + o.a()
                            + ", operator: "
                            + o.operator()
                            + ", value: ["
                            + yamlString(o.b())
                            + "]}";
                    case "plaintext" ->
                        o.operator().equals("add")
                            ? "{path: /metadata/annotations/"
                                + o.a()
                                + ", operator: add, value: "
                                + yamlString(o.b())
                                + "}"
                            : "{path: /metadata/annotations/" + o.a() + ", operator: remove}";
                    default ->
                        "{operator: "
                            + o.operator()
                            + ", value: {"
                            + o.a()
                            + ": "
                            + yamlString(o.b())
                            + "}}";
                  })
              .append("\n");
        }
      }
      rule.target()
          .ifPresent(
              t -> {
                List<String> parts = new ArrayList<>();
                if (!t.names().isEmpty()) {
                  parts.add("clusterNames: " + t.names());
                }
                if (!t.exclude().isEmpty()) {
                  parts.add("exclude: " + t.exclude());
                }
                t.env().ifPresent(e -> parts.add("labelSelector: {matchLabels: {env: " + e + "}}"));
                t.regionOp()
                    .ifPresent(
                        op ->
                            parts.add(
                                "fieldSelector: {matchExpressions: [{key: region, operator: "
                                    + op
                                    + ", values: "
                                    + t.regions()
                                    + "}, {key: zone, operator: "
                                    + op
                                    + ", values: [z1]}]}"));
                y.append("    targetCluster: {").append(String.join(", ", parts)).append("}\n");
              });
    }
    return y.toString();
  }

  /** karmada pkg/util/selector.go ClusterMatches, on the Karmada cluster itself. */
  static boolean matches(Target t, KCluster c) {
    if (t.exclude().contains(c.name())) {
      return false;
    }
    if (t.env().isPresent() && !t.env().get().equals(c.labels().get("env"))) {
      return false;
    }
    if (t.regionOp().isPresent()) {
      boolean in = !c.region().isEmpty() && t.regions().contains(c.region());
      boolean zoneIn = c.zones().contains("z1");
      if (t.regionOp().get().equals("In") ? !(in && zoneIn) : (in || zoneIn)) {
        return false;
      }
    }
    return t.names().isEmpty() || t.names().contains(c.name());
  }

  static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
  static final Pattern DIGEST =
      Pattern.compile("[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}");

  static final String COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
  static final Pattern REFERENCE =
      Pattern.compile(
          "((?:[a-zA-Z0-9-]+(?:\\.[a-zA-Z0-9-]+)*(?::[0-9]+)?/)?"
              + COMPONENT
              + "(?:/"
              + COMPONENT
              + ")*)(?::([\\w][\\w.-]{0,127}))?(?:@(sha256:[a-f0-9]{64}))?");

  /**
   * An image as karmada pkg/util/imageparser Parse reads it: {hostname, repository, tag or digest},
   * or an exception when distribution/reference refuses it.
   */
  static String[] image(String image) {
    java.util.regex.Matcher m = REFERENCE.matcher(image);
    if (!m.matches()) {
      throw new IllegalStateException("not a reference: " + image);
    }
    String name = m.group(1);
    int slash = name.indexOf('/');
    boolean host =
        slash > 0
            && (name.substring(0, slash).contains(".") || name.substring(0, slash).contains(":"));
    String tagOrDigest = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : "";
    return new String[] {
      host ? name.substring(0, slash) : "", host ? name.substring(slash + 1) : name, tagOrDigest
    };
  }

  /**
   * The reference: overriders applied in Karmada's order (overridemanager.go
   * applyPolicyOverriders).
   */
  static void applyKarmada(List<Overrider> overriders, ObjectNode m) {
    for (String kind :
        List.of(
            "imageOverrider",
            "commandOverrider",
            "argsOverrider",
            "labelsOverrider",
            "annotationsOverrider",
            "plaintext")) {
      ObjectNode annotationsBefore = null;
      for (Overrider o : overriders) {
        if (!o.kind().equals(kind)) {
          continue;
        }
        switch (kind) {
          case "imageOverrider" -> {
            for (JsonNode c : m.at("/spec/template/spec/containers")) {
              String[] p = image(c.get("image").textValue());
              String host = p[0], repo = p[1], tag = p[2];
              String v = o.b();
              switch (o.a()) {
                case "Registry" ->
                    host =
                        o.operator().equals("add")
                            ? host + v
                            : o.operator().equals("replace") ? v : "";
                case "Repository" ->
                    repo =
                        o.operator().equals("add")
                            ? repo + v
                            : o.operator().equals("replace") ? v : "";
                default -> {
                  if (o.operator().equals("remove")) {
                    tag = "";
                  } else {
                    String in = o.operator().equals("add") ? tag + v : v;
                    if (TAG.matcher(in).matches() || DIGEST.matcher(in).matches()) {
                      tag = in;
                    }
                  }
                }
              }
              String full = host.isEmpty() ? repo : host + "/" + repo;
              ((ObjectNode) c)
                  .put(
                      "image",
                      tag.isEmpty()
                          ? full
                          : (TAG.matcher(tag).matches() ? full + ":" + tag : full + "@" + tag));
            }
          }
          case "commandOverrider", "argsOverrider" -> {
            String field = kind.equals("commandOverrider") ? "command" : "args";
            for (JsonNode c : m.at("/spec/template/spec/containers")) {
              if (!c.get("name").textValue().equals(o.a())) {
                continue;
              }
              List<String> items = new ArrayList<>();
              if (c.has(field)) {
                c.get(field).forEach(i -> items.add(i.textValue()));
              }
              if (o.operator().equals("add")) {
                items.add(o.b());
              } else {
                items.remove(o.b());
                while (items.remove(o.b())) {}
              }
              ArrayNode list = ((ObjectNode) c).putArray(field);
              items.forEach(list::add);
            }
          }
          case "labelsOverrider", "annotationsOverrider" -> {
            String field = kind.equals("labelsOverrider") ? "labels" : "annotations";
            ObjectNode meta = (ObjectNode) m.get("metadata");
            boolean has = meta.has(field);
            switch (o.operator()) {
              case "add" ->
                  (has ? (ObjectNode) meta.get(field) : meta.putObject(field)).put(o.a(), o.b());
              case "remove" -> {
                if (has) ((ObjectNode) meta.get(field)).remove(o.a());
              }
              default -> {
                if (has && meta.get(field).has(o.a()))
                  ((ObjectNode) meta.get(field)).put(o.a(), o.b());
              }
            }
          }
          default -> {
            // One JSON patch for all plaintext overriders: all or nothing.
            if (annotationsBefore == null) {
              annotationsBefore = m.get("metadata").deepCopy();
            }
            JsonNode annotations = m.at("/metadata/annotations");
            if (!annotations.isObject()
                || (o.operator().equals("remove") && !annotations.has(o.a()))) {
              throw new IllegalStateException("json patch fails");
            }
            if (o.operator().equals("add")) {
              ((ObjectNode) annotations).put(o.a(), o.b());
            } else {
              ((ObjectNode) annotations).remove(o.a());
            }
          }
        }
      }
    }
  }

  static ObjectNode deployment(Random r) {
    ObjectNode m =
        (ObjectNode)
            Fixtures.yaml(
                """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: default}
        spec:
          template:
            spec:
              containers:
              - {name: app, image: "registry.io/team/app:v1"}
              - {name: side, image: "proxy:1.0", command: [run, -k1]}
        """);
    ObjectNode meta = (ObjectNode) m.get("metadata");
    if (r.nextBoolean()) {
      meta.putObject("labels").put("k0", "old");
    }
    if (r.nextBoolean()) {
      meta.putObject("annotations").put("k1", "old");
    }
    return m;
  }

  /** The result as a comparable value: the manifest, or "error". */
  static Object outcome(java.util.function.Supplier<Optional<JsonNode>> run) {
    try {
      return run.get().map(Object.class::cast).orElse("deleted");
    } catch (CustomizationException | IllegalStateException e) {
      return "error";
    }
  }

  @Test
  void karmadaPolicyItsFlotillaFormAndKarmadasSemanticsAgree() {
    qt().withFixedSeed(20261128L)
        .withExamples(150)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              Random r = new Random(seed);
              List<KRule> rules = new ArrayList<>();
              for (int i = 1 + r.nextInt(3); i > 0; i--) {
                rules.add(kRule(r));
              }
              String kind = r.nextBoolean() ? "OverridePolicy" : "ClusterOverridePolicy";
              Customization peer =
                  CustomizationReader.parse("<karmada>", karmadaYaml(kind, "p", rules)).value();
              Customization converted =
                  CustomizationReader.parse("<flotilla>", PolicyWriter.toYaml(peer)).value();
              RuleSet peerRules = RuleSet.compile(List.of(peer));
              RuleSet convertedRules = RuleSet.compile(List.of(converted));
              for (String name : NAMES) {
                KCluster c = kCluster(r, name);
                Cluster cluster = flotilla(c);
                ObjectNode manifest = deployment(r);
                Object expected =
                    outcome(
                        () -> {
                          ObjectNode copy = manifest.deepCopy();
                          for (KRule rule : rules) {
                            if (rule.target().isEmpty() || matches(rule.target().get(), c)) {
                              applyKarmada(rule.overriders(), copy);
                            }
                          }
                          return Optional.of(copy);
                        });
                String why =
                    "seed " + seed + ", cluster " + c + "\n" + karmadaYaml(kind, "p", rules);
                assertEquals(expected, outcome(() -> peerRules.applyFresh(cluster, manifest)), why);
                assertEquals(
                    expected, outcome(() -> convertedRules.applyFresh(cluster, manifest)), why);
              }
            });
  }

  // ---- KubeFleet --------------------------------------------------------------------------

  /** A rule: selector (null: none; empty: all; else env values ORed), patch value or delete. */
  record FRule(List<String> envs, boolean delete, String key, String value) {}

  static String fleetYaml(String name, List<FRule> rules) {
    StringBuilder y =
        new StringBuilder(
            "apiVersion: placement.kubernetes-fleet.io/v1beta1\nkind: ResourceOverride\nmetadata: {name: "
                + name
                + ", namespace: default}\nspec:\n  resourceSelectors:\n  - {group: apps, version: v1, kind: Deployment, name: web}\n  policy:\n    overrideRules:\n");
    for (FRule rule : rules) {
      y.append("    - ");
      if (rule.envs() != null) {
        y.append("clusterSelector:\n        clusterSelectorTerms: [");
        y.append(
            String.join(
                ", ",
                rule.envs().stream()
                    .map(e -> "{labelSelector: {matchLabels: {env: " + e + "}}}")
                    .toList()));
        y.append("]\n      ");
      }
      if (rule.delete()) {
        y.append("overrideType: Delete\n");
      } else {
        y.append("jsonPatchOverrides: [{op: add, path: /metadata/labels/")
            .append(rule.key())
            .append(", value: ")
            .append(yamlString(rule.value()))
            .append("}]\n");
      }
    }
    return y.toString();
  }

  /** kubefleet override.go replaceClusterLabelKeyVariables and the name variable, on text. */
  static String substitute(String text, String cluster, Map<String, String> labels) {
    String out = text.replace("${MEMBER-CLUSTER-NAME}", cluster);
    String prefix = "${MEMBER-CLUSTER-LABEL-KEY-";
    for (int at = out.indexOf(prefix); at >= 0; at = out.indexOf(prefix)) {
      int end = out.indexOf('}', at + prefix.length());
      String key = out.substring(at + prefix.length(), end);
      if (!labels.containsKey(key)) {
        throw new IllegalStateException("label key " + key + " not found");
      }
      out = out.substring(0, at) + labels.get(key) + out.substring(end + 1);
    }
    return out;
  }

  @Test
  void kubeFleetOverrideItsFlotillaFormAndKubeFleetsSemanticsAgree() {
    List<String> values =
        List.of(
            "v",
            "${MEMBER-CLUSTER-NAME}",
            "x-${MEMBER-CLUSTER-LABEL-KEY-env}",
            "${literal}",
            "${MEMBER-CLUSTER-LABEL-KEY-zone}.${MEMBER-CLUSTER-NAME}");
    qt().withFixedSeed(20261129L)
        .withExamples(150)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              Random r = new Random(seed);
              List<FRule> rules = new ArrayList<>();
              for (int i = 1 + r.nextInt(4); i > 0; i--) {
                List<String> envs =
                    r.nextInt(4) == 0 ? null : some(r, List.of("prod", "dev", "edge"));
                rules.add(
                    new FRule(
                        envs,
                        r.nextInt(6) == 0,
                        "k" + r.nextInt(2),
                        values.get(r.nextInt(values.size()))));
              }
              String yaml = fleetYaml("ro", rules);
              Customization peer = CustomizationReader.parse("<kubefleet>", yaml).value();
              Customization converted =
                  CustomizationReader.parse("<flotilla>", PolicyWriter.toYaml(peer)).value();
              RuleSet peerRules = RuleSet.compile(List.of(peer));
              RuleSet convertedRules = RuleSet.compile(List.of(converted));
              for (String name : NAMES) {
                Map<String, String> labels = new LinkedHashMap<>();
                if (r.nextInt(4) > 0) {
                  labels.put("env", List.of("prod", "dev", "edge").get(r.nextInt(3)));
                }
                if (r.nextBoolean()) {
                  labels.put("zone", "z" + r.nextInt(2));
                }
                Cluster cluster = new Cluster(name, labels, Map.of(), Map.of(), List.of());
                ObjectNode manifest = deployment(r);
                manifest.with("metadata").with("labels");
                Object expected =
                    outcome(
                        () -> {
                          ObjectNode copy = manifest.deepCopy();
                          for (FRule rule : rules) {
                            boolean match =
                                rule.envs() != null
                                    && (rule.envs().isEmpty()
                                        || rule.envs().contains(labels.get("env")));
                            if (!match) {
                              continue;
                            }
                            if (rule.delete()) {
                              return Optional.empty();
                            }
                            ((ObjectNode) copy.at("/metadata/labels"))
                                .put(rule.key(), substitute(rule.value(), name, labels));
                          }
                          return Optional.of(copy);
                        });
                String why = "seed " + seed + ", cluster " + name + " " + labels + "\n" + yaml;
                assertEquals(expected, outcome(() -> peerRules.applyFresh(cluster, manifest)), why);
                assertEquals(
                    expected, outcome(() -> convertedRules.applyFresh(cluster, manifest)), why);
              }
            });
  }
}
