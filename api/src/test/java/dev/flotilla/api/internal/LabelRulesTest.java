package dev.flotilla.api.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Divergences from k8s.io/apimachinery found and fixed in LabelRules. */
class LabelRulesTest {

  @Test
  void emptyNamePartAlsoFailsThePattern() {
    // Kubernetes checks the regular expression even after "must be non-empty".
    List<String> errors = LabelRules.qualifiedNameErrors("example.com/");
    assertEquals(2, errors.size());
    assertEquals("name part must be non-empty", errors.get(0));
    assertTrue(errors.get(1).startsWith("name part must consist of alphanumeric characters"));
  }

  @Test
  void lengthsAreCountedInUtf8BytesAsGoDoes() {
    String fortyAccents = "é".repeat(40); // 40 chars, 80 bytes
    List<String> errors = LabelRules.labelValueErrors(fortyAccents);
    assertEquals("must be no more than 63 bytes", errors.get(0));
    assertEquals(2, errors.size());
    assertEquals(2, LabelRules.qualifiedNameErrors(fortyAccents).size());
    assertEquals(1, LabelRules.utf8Length("a"));
    assertEquals(4, LabelRules.utf8Length("\uD83D\uDE00"));
  }

  @Test
  void keyNameLongerThan63IsRejected() {
    assertEquals(
        List.of("name part must be no more than 63 bytes"),
        LabelRules.qualifiedNameErrors("a".repeat(64)));
    assertEquals(List.of(), LabelRules.qualifiedNameErrors("a".repeat(63)));
  }

  @Test
  void moreThanOneSlashUsesLabelKeyWording() {
    assertTrue(LabelRules.qualifiedNameErrors("a/b/c").get(0).startsWith("a valid label key "));
  }

  // Property names: one rule for inventories and policies, accepting the peers' own names.

  @Test
  void propertyNameMayBeALabelKey() {
    for (String name :
        List.of("cpu", "kubernetesVersion", "resources.kubernetes-fleet.io/total-cpu", "a")) {
      assertEquals(List.of(), LabelRules.propertyNameErrors(name), name);
      assertTrue(LabelRules.isPropertyName(name), name);
    }
  }

  @Test
  void propertyNameMayBeAClaimNameOf253Characters() {
    // OCM ManagedClusterClaim.name: MaxLength=253 (open-cluster-management-io/api
    // cluster/v1/types.go); claims are cluster-scoped objects, so their names are subdomains.
    String label = "a".repeat(63);
    String claim = label + "." + label + "." + label + "." + "b".repeat(61);
    assertEquals(253, claim.length());
    assertEquals(List.of(), LabelRules.propertyNameErrors(claim));
    assertEquals(
        List.of(), LabelRules.propertyNameErrors("kubeversion.open-cluster-management.io"));
    assertEquals(List.of(), LabelRules.propertyNameErrors("id.k8s.io"));
    assertEquals(1, LabelRules.propertyNameErrors(claim + "c").size());
    assertTrue(
        LabelRules.propertyNameErrors(claim + "c").get(0).contains("no more than 253 bytes"));
  }

  @Test
  void propertyNameMayHaveSeveralSegmentsAsKubeFleetAccepts() {
    // kubefleet apis/cluster/v1/membercluster_types.go (PropertyName examples) and
    // pkg/propertyprovider/azure/provider.go (NodeCountPerSKUPropertyTmpl).
    for (String name :
        List.of(
            "avg-resource-pressure",
            "kubernetes-fleet.io/node-count",
            "kubernetes.azure.com/vm-sizes/Standard_D2s_v3/count",
            "k8s.io/k8s-version",
            "Prefix_As_Name/segment")) {
      assertEquals(List.of(), LabelRules.propertyNameErrors(name), name);
    }
  }

  @Test
  void propertyNameSegmentsFollowTheNameRule() {
    assertEquals(List.of("must be non-empty"), LabelRules.propertyNameErrors(""));
    assertEquals(
        List.of("segment 2 must be non-empty"), LabelRules.propertyNameErrors("example.com/"));
    assertEquals(
        List.of("first segment must be non-empty"), LabelRules.propertyNameErrors("/count"));
    List<String> errors = LabelRules.propertyNameErrors("example.com/vm-sizes/-bad/count");
    assertEquals(1, errors.size(), errors.toString());
    assertTrue(errors.get(0).startsWith("segment \"-bad\": name part must consist of"));
    assertEquals(
        1, LabelRules.propertyNameErrors("example.com/" + "a".repeat(64)).size(), "63 per segment");
    assertEquals(List.of(), LabelRules.propertyNameErrors("Upper.Case.Name"), "a name part");
    String longUpper = "Upper." + "a".repeat(60) + ".Claim";
    assertTrue(LabelRules.propertyNameErrors(longUpper).get(0).contains("subdomain"), longUpper);
    assertTrue(!LabelRules.propertyNameErrors("bad key!").isEmpty());
    assertTrue(!LabelRules.isPropertyName("a:b"), "a colon marks property: in topology keys");
  }
}
