package dev.flotilla.api;

import dev.flotilla.api.internal.LabelRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One member cluster of a fleet, as placement sees it: a name, labels and annotations with
 * Kubernetes' rules, named {@code properties} (typed facts kept as text: quantities such as {@code
 * cpu: "16"}, versions such as {@code kubernetesVersion: 1.31.2}, plain strings) and taints.
 *
 * <p>Immutable; the constructor validates everything and copies the collections, so a {@code
 * Cluster} that exists is valid. Property names follow {@code LabelRules.propertyNameErrors}: a
 * label key ({@code cpu}, {@code resources.kubernetes-fleet.io/total-cpu}), an OCM claim name up to
 * 253 characters ({@code kubeversion.open-cluster-management.io}) or a KubeFleet name of several
 * segments ({@code kubernetes.azure.com/vm-sizes/Standard_D2s_v3/count}); property values are free
 * text.
 */
public record Cluster(
    String name,
    Map<String, String> labels,
    Map<String, String> annotations,
    Map<String, String> properties,
    List<Taint> taints) {

  /** Longest annotation value accepted (Kubernetes limits all annotations together to 256 KiB). */
  public static final int MAX_ANNOTATION_BYTES = 256 * 1024;

  /**
   * Validates every field with Kubernetes' rules and copies the collections.
   *
   * @throws ValidationException listing every problem, with field paths
   */
  public Cluster {
    Objects.requireNonNull(name, "name");
    labels = Map.copyOf(labels);
    annotations = Map.copyOf(annotations);
    properties = Map.copyOf(properties);
    taints = List.copyOf(taints);
    List<Problem> problems = new ArrayList<>();
    for (String error : LabelRules.dns1123SubdomainErrors(name)) {
      problems.add(Problem.at("name", "Invalid value: \"" + name + "\": " + error));
    }
    // One pass over each map (an immutable map's iterator makes an entry object per step): the
    // constructor runs for every cluster read or generated. Problems keep their order: every key
    // error, then every value error.
    List<Problem> valueProblems = null;
    for (Map.Entry<String, String> entry : labels.entrySet()) {
      String key = entry.getKey();
      String value = entry.getValue();
      checkKey("labels", key, problems);
      if (!LabelRules.isLabelValue(value)) {
        if (valueProblems == null) {
          valueProblems = new ArrayList<>();
        }
        for (String error : LabelRules.labelValueErrors(value)) {
          valueProblems.add(
              Problem.at("labels[" + key + "]", "Invalid value: \"" + value + "\": " + error));
        }
      }
    }
    if (valueProblems != null) {
      problems.addAll(valueProblems);
    }
    long annotationBytes = 0;
    for (Map.Entry<String, String> entry : annotations.entrySet()) {
      checkKey("annotations", entry.getKey(), problems);
      annotationBytes += entry.getKey().length() + entry.getValue().length();
    }
    if (annotationBytes > MAX_ANNOTATION_BYTES) {
      problems.add(
          Problem.at(
              "annotations", "Too long: must have at most " + MAX_ANNOTATION_BYTES + " bytes"));
    }
    for (String key : properties.keySet()) {
      for (String error : LabelRules.propertyNameErrors(key)) {
        problems.add(Problem.at("properties", "Invalid value: \"" + key + "\": " + error));
      }
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
  }

  /** A cluster with a name and labels only. */
  public static Cluster of(String name, Map<String, String> labels) {
    return new Cluster(name, labels, Map.of(), Map.of(), List.of());
  }

  /** A copy with different labels (for updates in tests and controllers). */
  public Cluster withLabels(Map<String, String> newLabels) {
    return new Cluster(name, newLabels, annotations, properties, taints);
  }

  /** A copy with different properties. */
  public Cluster withProperties(Map<String, String> newProperties) {
    return new Cluster(name, labels, annotations, newProperties, taints);
  }

  /** A copy with different taints. */
  public Cluster withTaints(List<Taint> newTaints) {
    return new Cluster(name, labels, annotations, properties, newTaints);
  }

  private static void checkKey(String field, String key, List<Problem> problems) {
    if (LabelRules.isQualifiedName(key)) {
      return;
    }
    for (String error : LabelRules.qualifiedNameErrors(key)) {
      problems.add(Problem.at(field, "Invalid value: \"" + key + "\": " + error));
    }
  }
}
