package dev.flotilla.api.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.flotilla.api.customize.Action;
import dev.flotilla.api.customize.Customization;
import dev.flotilla.api.customize.CustomizationSpec;
import dev.flotilla.api.customize.ResourceSelector;
import dev.flotilla.api.customize.Rule;
import dev.flotilla.api.labels.LabelSelector;
import dev.flotilla.api.placement.ClusterSelectorTerm;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * KubeFleet's {@code ClusterResourceOverride} and {@code ResourceOverride} ({@code
 * placement.kubernetes-fleet.io} v1alpha1, v1beta1 and v1; kubefleet
 * apis/placement/v1beta1/override_types.go) as a Flotilla {@link Customization}, with the
 * semantics of kubefleet pkg/controllers/workgenerator/override.go and pkg/utils/overrider:
 *
 * <ul>
 *   <li>A ClusterResourceOverride selects cluster-scoped resources by group, version, kind and
 *       name; selecting a {@code Namespace} also selects every resource in that namespace. A
 *       ResourceOverride selects resources of its own namespace by group, version, kind and name.
 *   <li>ClusterResourceOverrides apply before ResourceOverrides (priority 0 and 1), each kind in
 *       name order, as Flotilla orders customizations of equal priority.
 *   <li>{@code policy.overrideRules} apply in order, later ones winning: a rule without {@code
 *       clusterSelector} selects no cluster, one with no terms every cluster, otherwise the ORed
 *       label selectors of its terms. {@code JSONPatch} rules become a {@code jsonPatch} (a
 *       missing value is JSON null, as Go marshals it); {@code Delete} rules {@code delete: true},
 *       in order ({@code deleteInOrder}): the rules before a Delete still run, and fail, first.
 *   <li>In patch values, {@code ${MEMBER-CLUSTER-NAME}} becomes {@code ${cluster.name}} and {@code
 *       ${MEMBER-CLUSTER-LABEL-KEY-<key>}} becomes {@code ${cluster.labels['<key>']}} (an error
 *       when the cluster has no such label, as in KubeFleet); any other {@code ${} stays literal.
 * </ul>
 */
final class KubeFleetOverrideReader {
  private KubeFleetOverrideReader() {}

  static final String GROUP = "placement.kubernetes-fleet.io";
  private static final List<String> VERSIONS =
      List.of(GROUP + "/v1alpha1", GROUP + "/v1beta1", GROUP + "/v1");

  private static final String NAME_VARIABLE = "${MEMBER-CLUSTER-NAME}";
  private static final String LABEL_VARIABLE = "${MEMBER-CLUSTER-LABEL-KEY-";

  /** Built-in cluster-scoped kinds, by group and kind. */
  private static final Set<String> CLUSTER_SCOPED =
      Set.of(
          "/Namespace",
          "/Node",
          "/PersistentVolume",
          "/ComponentStatus",
          "rbac.authorization.k8s.io/ClusterRole",
          "rbac.authorization.k8s.io/ClusterRoleBinding",
          "apiextensions.k8s.io/CustomResourceDefinition",
          "storage.k8s.io/StorageClass",
          "storage.k8s.io/CSIDriver",
          "storage.k8s.io/CSINode",
          "storage.k8s.io/VolumeAttachment",
          "scheduling.k8s.io/PriorityClass",
          "admissionregistration.k8s.io/ValidatingWebhookConfiguration",
          "admissionregistration.k8s.io/MutatingWebhookConfiguration",
          "admissionregistration.k8s.io/ValidatingAdmissionPolicy",
          "admissionregistration.k8s.io/ValidatingAdmissionPolicyBinding",
          "networking.k8s.io/IngressClass",
          "node.k8s.io/RuntimeClass",
          "apiregistration.k8s.io/APIService",
          "certificates.k8s.io/CertificateSigningRequest",
          "flowcontrol.apiserver.k8s.io/FlowSchema",
          "flowcontrol.apiserver.k8s.io/PriorityLevelConfiguration");

  /** Built-in namespaced kinds, which a ClusterResourceOverride never selects. */
  private static final Set<String> NAMESPACED =
      Set.of(
          "/Pod",
          "/Service",
          "/ConfigMap",
          "/Secret",
          "/ServiceAccount",
          "/PersistentVolumeClaim",
          "/Endpoints",
          "/LimitRange",
          "/ResourceQuota",
          "apps/Deployment",
          "apps/StatefulSet",
          "apps/DaemonSet",
          "apps/ReplicaSet",
          "batch/Job",
          "batch/CronJob",
          "networking.k8s.io/Ingress",
          "networking.k8s.io/NetworkPolicy",
          "rbac.authorization.k8s.io/Role",
          "rbac.authorization.k8s.io/RoleBinding",
          "policy/PodDisruptionBudget",
          "autoscaling/HorizontalPodAutoscaler");

  static Optional<Customization> clusterResourceOverride(
      ObjectView document, PeerPolicies.Notes notes) {
    return read(document, notes, true);
  }

  static Optional<Customization> resourceOverride(ObjectView document, PeerPolicies.Notes notes) {
    return read(document, notes, false);
  }

  private static Optional<Customization> read(
      ObjectView document, PeerPolicies.Notes notes, boolean clusterScoped) {
    Binder binder = document.binder();
    int before = binder.problemCount();
    PeerDocuments.Envelope envelope = PeerDocuments.envelope(document, VERSIONS);
    if (envelope.spec().isEmpty()) {
      return Optional.empty();
    }
    ObjectView spec = envelope.spec().get();
    if (spec.has("placement")) {
      notes.add(
          spec,
          "placement",
          "not carried over: KubeFleet applies the override only to the resources that placement"
              + " selects; Flotilla customizes the manifests it is given");
    }
    spec.take("placement");
    String selectorsField = clusterScoped ? "clusterResourceSelectors" : "resourceSelectors";
    List<ResourceSelector> selectors = new ArrayList<>();
    spec.list(
            selectorsField,
            (item, path) -> selector(spec, item, path, clusterScoped, envelope.namespace(), notes))
        .forEach(selectors::addAll);
    if (!spec.has(selectorsField)) {
      binder.report(spec.node().location(), spec.child(selectorsField), "Required value");
    }
    List<Rule> rules = new ArrayList<>();
    Optional<ObjectView> policy = spec.object("policy");
    if (policy.isEmpty() && !spec.has("policy")) {
      binder.report(spec.node().location(), spec.child("policy"), "Required value");
    }
    policy.ifPresent(
        p -> {
          rules.addAll(p.list("overrideRules", (item, path) -> rule(p, item, path)));
          if (!p.has("overrideRules")) {
            binder.report(p.node().location(), p.child("overrideRules"), "Required value");
          }
          p.rejectUnknown();
        });
    spec.rejectUnknown();
    if (binder.problemCount() > before) {
      return Optional.empty();
    }
    if (selectors.isEmpty()) {
      binder.report(
          spec.node().location(),
          spec.child(selectorsField),
          "Required value: at least one resource selector");
      return Optional.empty();
    }
    int priority = clusterScoped ? 0 : 1;
    return Optional.ofNullable(
        binder.construct(
            document.node(),
            "",
            () ->
                new Customization(
                    envelope.name(),
                    envelope.namespace(),
                    new CustomizationSpec(priority, selectors, rules, true))));
  }

  /** One resource selector as the Flotilla selectors matching what KubeFleet keys it by. */
  private static Optional<List<ResourceSelector>> selector(
      ObjectView parent,
      Node item,
      String path,
      boolean clusterScoped,
      String namespace,
      PeerPolicies.Notes notes) {
    return ObjectView.of(parent.binder(), item, path)
        .flatMap(
            view -> {
              Binder binder = view.binder();
              int before = binder.problemCount();
              String group = view.string("group").orElse("");
              String version = view.requiredString("version");
              String kind = view.requiredString("kind");
              String name = view.string("name").orElse("");
              if (clusterScoped) {
                if (view.has("labelSelector")) {
                  binder.report(
                      item.location(),
                      view.child("labelSelector"),
                      "Forbidden: label selector is not supported for resource selection");
                }
                view.take("labelSelector");
                if (view.has("selectionScope")) {
                  notes.add(
                      view,
                      "selectionScope",
                      "not carried over: it chooses what the placement selects, not what the"
                          + " override edits");
                }
                view.take("selectionScope");
              }
              if (name.isEmpty()) {
                binder.report(
                    item.location(),
                    view.child("name"),
                    "Required value: resource name is required for resource selection");
              }
              view.rejectUnknown();
              if (binder.problemCount() > before) {
                return Optional.empty();
              }
              String apiVersion = group.isEmpty() ? version : group + "/" + version;
              if (!clusterScoped) {
                return Optional.of(
                    List.of(
                        new ResourceSelector(
                            apiVersion, kind, namespace, name, LabelSelector.everything())));
              }
              String groupKind = group + "/" + kind;
              if (groupKind.equals("/Namespace") && version.equals("v1")) {
                // kubefleet pkg/utils/overrider: a namespaced resource is keyed by its namespace.
                return Optional.of(
                    List.of(
                        new ResourceSelector(
                            "v1", "Namespace", "", name, LabelSelector.everything()),
                        new ResourceSelector("", "", name, "", LabelSelector.everything())));
              }
              if (CLUSTER_SCOPED.contains(groupKind) && !groupKind.equals("/Namespace")) {
                return Optional.of(
                    List.of(
                        new ResourceSelector(
                            apiVersion, kind, "", name, LabelSelector.everything())));
              }
              String why =
                  NAMESPACED.contains(groupKind) || groupKind.equals("/Namespace")
                      ? "selects nothing: KubeFleet matches a ClusterResourceOverride to a"
                          + " namespaced resource through its Namespace (group \"\", version v1)"
                      : "Flotilla cannot tell whether "
                          + kind
                          + " ("
                          + apiVersion
                          + ") is cluster-scoped, which decides what KubeFleet selects: select it"
                          + " through its Namespace or with a ResourceOverride";
              binder.report(
                  item.location(), view.child("kind"), "Invalid value: \"" + kind + "\": " + why);
              return Optional.empty();
            });
  }

  private static Optional<Rule> rule(ObjectView parent, Node item, String path) {
    return ObjectView.of(parent.binder(), item, path)
        .flatMap(
            view -> {
              Binder binder = view.binder();
              int before = binder.problemCount();
              Optional<ClusterSelectorTerm> selector = Optional.empty();
              Optional<ObjectView> clusterSelector = view.object("clusterSelector");
              if (clusterSelector.isPresent()) {
                selector = clusterSelector(clusterSelector.get());
              }
              String type = view.string("overrideType").orElse("JSONPatch");
              List<Action.PatchOperation> operations =
                  view.list("jsonPatchOverrides", (op, p) -> operation(view, op, p));
              boolean hasPatches = view.has("jsonPatchOverrides");
              view.rejectUnknown();
              List<Action> actions = new ArrayList<>();
              switch (type) {
                case "Delete" -> {
                  if (hasPatches) {
                    binder.report(
                        item.location(),
                        view.child("jsonPatchOverrides"),
                        "Forbidden: JSONPatchOverrides cannot be set when the override type is Delete");
                  }
                  actions.add(new Action.Delete());
                }
                case "JSONPatch" -> {
                  if (!hasPatches || (operations.isEmpty() && binder.problemCount() == before)) {
                    binder.report(
                        item.location(),
                        view.child("jsonPatchOverrides"),
                        "Required value: JSONPatchOverrides cannot be empty");
                  }
                  Optional.ofNullable(
                          binder.construct(
                              item,
                              view.child("jsonPatchOverrides"),
                              () -> new Action.JsonPatch(operations)))
                      .ifPresent(actions::add);
                }
                default ->
                    binder.report(
                        item.location(),
                        view.child("overrideType"),
                        "Unsupported value: \""
                            + type
                            + "\": supported values: \"Delete\", \"JSONPatch\"");
              }
              if (binder.problemCount() > before) {
                return Optional.empty();
              }
              Optional<ClusterSelectorTerm> target = selector;
              return Optional.ofNullable(
                  binder.construct(
                      item,
                      path,
                      () -> new Rule("overrideRules-" + index(path), target, actions, false)));
            });
  }

  private static String index(String path) {
    return path.substring(path.lastIndexOf('[') + 1, path.length() - 1);
  }

  /** kubefleet pkg/utils/overrider IsClusterMatched: no terms, every cluster; else terms ORed. */
  private static Optional<ClusterSelectorTerm> clusterSelector(ObjectView selector) {
    Binder binder = selector.binder();
    int before = binder.problemCount();
    List<LabelSelector> terms =
        selector.list(
            "clusterSelectorTerms",
            (item, path) ->
                ObjectView.of(binder, item, path)
                    .flatMap(
                        term -> {
                          if (term.has("propertySelector") || term.has("propertySorter")) {
                            binder.report(
                                item.location(),
                                path,
                                "Invalid value: only labelSelector is supported in an override's"
                                    + " clusterSelector");
                          }
                          term.take("propertySelector");
                          term.take("propertySorter");
                          Optional<LabelSelector> labels =
                              term.object("labelSelector").map(PlacementReader::labelSelector);
                          if (!term.has("labelSelector")) {
                            binder.report(
                                item.location(),
                                term.child("labelSelector"),
                                "Required value: labelSelector is required");
                          }
                          term.rejectUnknown();
                          return labels;
                        }));
    selector.rejectUnknown();
    if (binder.problemCount() > before) {
      return Optional.empty();
    }
    if (terms.isEmpty()) {
      return Optional.of(ClusterSelectorTerm.all());
    }
    if (terms.size() == 1) {
      return Optional.of(ClusterSelectorTerm.labels(terms.get(0)));
    }
    String any =
        String.join(" || ", terms.stream().map(t -> "(" + PeerCel.labels(t) + ")").toList());
    return Optional.of(
        new ClusterSelectorTerm(LabelSelector.everything(), List.of(), List.of(any)));
  }

  /** One JSONPatchOverride, checked as kubefleet pkg/utils/validator validateJSONPatchOverride. */
  private static Optional<Action.PatchOperation> operation(
      ObjectView parent, Node item, String path) {
    return ObjectView.of(parent.binder(), item, path)
        .flatMap(
            view -> {
              Binder binder = view.binder();
              int before = binder.problemCount();
              String opText = view.requiredString("op");
              String pointer = view.requiredString("path");
              Optional<Node> value = view.raw("value");
              view.rejectUnknown();
              Optional<Action.Op> op =
                  switch (opText) {
                    case "add" -> Optional.of(Action.Op.add);
                    case "remove" -> Optional.of(Action.Op.remove);
                    case "replace" -> Optional.of(Action.Op.replace);
                    default -> Optional.empty();
                  };
              if (op.isEmpty() && view.has("op")) {
                binder.report(
                    item.location(),
                    view.child("op"),
                    "Unsupported value: \""
                        + opText
                        + "\": supported values: \"add\", \"remove\", \"replace\"");
              }
              pathProblem(pointer)
                  .ifPresent(
                      why ->
                          binder.report(
                              item.location(),
                              view.child("path"),
                              "Invalid value: \"" + pointer + "\": " + why));
              if (op.isPresent() && op.get() == Action.Op.remove && value.isPresent()) {
                binder.report(
                    item.location(),
                    view.child("value"),
                    "Forbidden: remove operation cannot have value");
              }
              JsonNode json = NullNode.getInstance();
              if (value.isPresent() && op.isPresent() && op.get() != Action.Op.remove) {
                json = variables(JsonTrees.of(value.get()), view, item);
              }
              if (binder.problemCount() > before || op.isEmpty()) {
                return Optional.empty();
              }
              JsonNode patchValue = json;
              return Optional.ofNullable(
                  binder.construct(
                      item,
                      path,
                      () ->
                          op.get() == Action.Op.remove
                              ? Action.PatchOperation.remove(pointer)
                              : Action.PatchOperation.of(op.get(), pointer, patchValue)));
            });
  }

  /** kubefleet pkg/utils/validator validateJSONPatchOverridePath, and Go-only array indexes. */
  private static Optional<String> pathProblem(String path) {
    if (path.isEmpty()) {
      return Optional.of("path cannot be empty");
    }
    if (!path.startsWith("/")) {
      return Optional.of("path must start with /");
    }
    String[] parts = path.substring(1).split("/", -1);
    switch (parts[0]) {
      case "kind", "apiVersion" -> {
        return Optional.of("cannot override typeMeta fields");
      }
      case "metadata" -> {
        if (parts.length == 1) {
          return Optional.of("cannot override field metadata");
        }
        if (!parts[1].equals("annotations") && !parts[1].equals("labels")) {
          return Optional.of("cannot override metadata fields except annotations and labels");
        }
      }
      case "status" -> {
        return Optional.of("cannot override status fields");
      }
      default -> {}
    }
    for (String part : parts) {
      if (part.isBlank()) {
        return Optional.of("path cannot contain empty string");
      }
    }
    if (PeerCel.hasGoOnlyIndex(path)) {
      return Optional.of(
          "KubeFleet's JSON patch library reads a token such as -1, +1 or 01 as an array index,"
              + " which RFC 6901 and Flotilla do not: refused");
    }
    return Optional.empty();
  }

  /**
   * A patch value with KubeFleet's variables as Flotilla templates and every other {@code ${}
   * literal. KubeFleet replaces them in the value's JSON text, so keys holding them are replaced
   * too; Flotilla's templates are in values only, so such a key is refused.
   */
  private static JsonNode variables(JsonNode value, ObjectView view, Node item) {
    if (value.isTextual()) {
      return TextNode.valueOf(template(value.textValue(), view, item));
    }
    if (value.isObject()) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getKey().contains(NAME_VARIABLE) || e.getKey().contains(LABEL_VARIABLE)) {
          view.binder()
              .report(
                  item.location(),
                  view.child("value"),
                  "Invalid value: the key \""
                      + e.getKey()
                      + "\" holds a KubeFleet variable: Flotilla expands variables in values,"
                      + " not in keys");
        }
        out.set(e.getKey(), variables(e.getValue(), view, item));
      }
      return out;
    }
    if (value.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      value.forEach(v -> out.add(variables(v, view, item)));
      return out;
    }
    return value;
  }

  private static String template(String text, ObjectView view, Node item) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      if (text.startsWith(NAME_VARIABLE, i)) {
        out.append("${cluster.name}");
        i += NAME_VARIABLE.length();
      } else if (text.startsWith(LABEL_VARIABLE, i)) {
        int start = i + LABEL_VARIABLE.length();
        int end = text.indexOf('}', start);
        if (end < 0) {
          view.binder()
              .report(
                  item.location(),
                  view.child("value"),
                  "Invalid value: \"" + text + "\" is missing the closing bracket `}`");
          return text;
        }
        String key = text.substring(start, end);
        if (key.contains("${")) {
          view.binder()
              .report(
                  item.location(),
                  view.child("value"),
                  "Invalid value: \"" + text + "\": a label key variable holding a variable");
          return text;
        }
        out.append("${cluster.labels[").append(PeerCel.quote(key)).append("]}");
        i = end + 1;
      } else if (text.startsWith("${", i)) {
        out.append("$${");
        i += 2;
      } else {
        out.append(text.charAt(i));
        i++;
      }
    }
    return out.toString();
  }
}
