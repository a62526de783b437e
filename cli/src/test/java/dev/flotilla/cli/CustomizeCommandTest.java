package dev.flotilla.cli;

import static dev.flotilla.cli.FlotillaTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flotilla.api.io.ManifestReader;
import dev.flotilla.cli.FlotillaTest.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CustomizeCommandTest {
  @TempDir Path dir;
  Path fleet;
  Path policy;
  Path manifests;

  private Path write(String name, String text) throws IOException {
    return FlotillaTest.write(dir, name, text);
  }

  @BeforeEach
  void files() throws IOException {
    fleet =
        write(
            "fleet.yaml",
            """
            kind: ClusterInventory
            clusters:
            - {name: store-b, labels: {region: eu, zone: eu-1a}, properties: {cpu: "8"}}
            - {name: store-a, labels: {region: us, zone: us-2b}, properties: {cpu: "16"}}
            - {name: store-c, labels: {region: eu, hardware: old}, properties: {cpu: "2"}}
            """);
    policy =
        write(
            "policy.yaml",
            """
            apiVersion: flotilla.dev/v1alpha1
            kind: Customization
            metadata: {name: web}
            spec:
              resourceSelectors: [{kind: Deployment}]
              rules:
              - name: regional
                clusterSelector: {}
                image: {registry: "registry.${cluster.labels.region}.example.com"}
                replicas: "${ quantity(cluster.properties.cpu).asInteger() / 4 }"
              - name: old-hardware
                clusterSelector: {labelSelector: {matchLabels: {hardware: old}}}
                delete: true
            """);
    manifests =
        write(
            "manifests.yaml",
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              replicas: 1
              template:
                spec:
                  containers: [{name: web, image: "shop/web:1.0"}]
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: settings}
            data: {a: "1"}
            """);
  }

  /**
   * A fresh JVM (SLF4J warns once per JVM, so an in-process run could miss it): a successful run
   * writes nothing to stderr, no SLF4J "no providers" warning from json-path in particular.
   */
  @Test
  void aSuccessfulRunWritesNothingToStderr() throws IOException, InterruptedException {
    Path withJsonPath =
        write(
            "set.yaml",
            """
            apiVersion: flotilla.dev/v1alpha1
            kind: Customization
            metadata: {name: set}
            spec:
              rules:
              - name: region
                clusterSelector: {}
                set: [{path: "$.metadata.labels.region", value: "${cluster.labels.region}"}]
            """);
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path err = dir.resolve("stderr.txt");
    Process process =
        new ProcessBuilder(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Flotilla.class.getName(),
                "customize",
                "--inventory",
                fleet.toString(),
                "--policy",
                withJsonPath.toString(),
                "--manifests",
                manifests.toString(),
                "-o",
                "json")
            .redirectOutput(dir.resolve("stdout.txt").toFile())
            .redirectError(err.toFile())
            .start();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the CLI finished");
    assertEquals(0, process.exitValue(), Files.readString(err));
    assertEquals("", Files.readString(err));
    assertTrue(Files.readString(dir.resolve("stdout.txt")).contains("\"region\" : \"us\""));
  }

  @Test
  void jsonMapsEveryClusterToItsManifests() throws IOException {
    Result result =
        run(
            "customize",
            "--inventory",
            fleet.toString(),
            "--policy",
            policy.toString(),
            "--manifests",
            manifests.toString(),
            "-o",
            "json");
    assertEquals(0, result.status(), result.err());
    JsonNode out = new ObjectMapper().readTree(result.out());
    List<String> names = new ArrayList<>();
    out.fieldNames().forEachRemaining(names::add);
    assertEquals(List.of("store-a", "store-b", "store-c"), names);
    assertEquals(2, out.get("store-a").size());
    assertEquals(
        "registry.us.example.com/shop/web:1.0",
        out.at("/store-a/0/spec/template/spec/containers/0/image").asText());
    assertEquals(4, out.at("/store-a/0/spec/replicas").intValue());
    assertEquals(2, out.at("/store-b/0/spec/replicas").intValue());
    assertEquals(
        "ConfigMap", out.at("/store-c/0/kind").asText(), "the deleted Deployment is absent");
    assertEquals(1, out.get("store-c").size());
  }

  @Test
  void clusterWithNothingMapsToAnEmptyArrayAndClusterRestricts() throws IOException {
    Path onlyDeployment =
        write(
            "d.yaml",
            "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec: {template: {spec:"
                + " {containers: [{name: web, image: x}]}}}\n");
    Result result =
        run(
            "customize",
            "--inventory",
            fleet.toString(),
            "--policy",
            policy.toString(),
            "--manifests",
            onlyDeployment.toString(),
            "--cluster",
            "store-c",
            "-o",
            "json");
    assertEquals(0, result.status(), result.err());
    assertEquals("{\n  \"store-c\" : [ ]\n}\n", result.out());
  }

  @Test
  void yamlOutputReadsBack() {
    Result result =
        run(
            "customize",
            "--inventory",
            fleet.toString(),
            "--policy",
            policy.toString(),
            "--manifests",
            manifests.toString(),
            "--cluster",
            "store-b");
    assertEquals(0, result.status(), result.err());
    JsonNode out = ManifestReader.parse("out.yaml", result.out()).get(0);
    assertEquals(
        "registry.eu.example.com/shop/web:1.0",
        out.at("/store-b/0/spec/template/spec/containers/0/image").asText());
  }

  @Test
  void ruleErrorsNameClusterAndExitOneButOthersArePrinted() throws IOException {
    Path zone =
        write(
            "zone.yaml",
            """
            apiVersion: flotilla.dev/v1alpha1
            kind: Customization
            metadata: {name: zone}
            spec:
              rules:
              - name: zone-label
                clusterSelector: {}
                labels: {add: {zone: "${cluster.labels.zone}"}}
            """);
    Result result =
        run(
            "customize",
            "--inventory",
            fleet.toString(),
            "--policy",
            zone.toString(),
            "--manifests",
            manifests.toString(),
            "-o",
            "json");
    assertEquals(1, result.status());
    assertTrue(result.out().contains("\"store-a\""), result.out());
    assertTrue(result.err().startsWith("error: cluster store-c: manifest 0"), result.err());
    assertTrue(result.err().contains("rule zone-label"), result.err());
    assertFalse(result.err().contains("\tat "), result.err());
  }

  @Test
  void badCelIsReportedWithFileLineAndPath() throws IOException {
    Path bad =
        write(
            "bad.yaml",
            """
            apiVersion: flotilla.dev/v1alpha1
            kind: Customization
            metadata: {name: bad}
            spec:
              rules:
              - name: r
                clusterSelector: {}
                replicas: "${ cluster.nope }"
            """);
    Result result =
        run(
            "customize",
            "--inventory",
            fleet.toString(),
            "--policy",
            bad.toString(),
            "--manifests",
            manifests.toString());
    assertEquals(1, result.status());
    assertTrue(result.err().startsWith("error: " + bad + ":8:"), result.err());
    assertTrue(result.err().contains("spec.rules[0].replicas"), result.err());
    Result validate = run("validate", bad.toString());
    assertEquals(1, validate.status());
    Result good = run("validate", policy.toString());
    assertEquals(0, good.status(), good.err());
    assertTrue(good.out().contains("valid Customization of 2 rules"), good.out());
  }

  @Test
  void unknownClusterIsInvalidInput() {
    Result result =
        run(
            "customize",
            "--inventory",
            fleet.toString(),
            "--policy",
            policy.toString(),
            "--manifests",
            manifests.toString(),
            "--cluster",
            "nope");
    assertEquals(1, result.status());
    assertTrue(
        result.err().startsWith("error: --cluster: no cluster named \"nope\""), result.err());
  }
}
