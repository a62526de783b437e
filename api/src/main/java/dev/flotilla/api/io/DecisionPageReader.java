package dev.flotilla.api.io;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flotilla.api.io.Node.ListNode;
import dev.flotilla.api.io.Node.Location;
import dev.flotilla.api.io.Node.MapNode;
import dev.flotilla.api.io.Node.ScalarNode;
import dev.flotilla.api.placement.PreviousDecision;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code PlacementDecision} objects back as one {@link PreviousDecision}: Flotilla's own
 * pages ({@code flotilla.dev/v1alpha1}, label {@code flotilla.dev/placement}, page number in label
 * {@code flotilla.dev/decision-index}, page count in {@code status.pages}) and Open Cluster
 * Management's ({@code cluster.open-cluster-management.io/v1beta1}, label {@code
 * cluster.open-cluster-management.io/placement}, numbered by the {@code -decision-N} suffix of
 * their names, as OCM's scheduler names them).
 *
 * <p>One page gives that page's clusters. Several pages must be of one placement and one kind, each
 * page once; Flotilla's must be all of them (1 to {@code status.pages}), so a decision caught
 * half-written is an error rather than a smaller decision. Clusters are taken page by page in index
 * order; a cluster twice is an error. Object metadata a server adds ({@code uid}, {@code
 * resourceVersion}, {@code managedFields}, ...) is ignored.
 */
final class DecisionPageReader {
  static final String KIND = "PlacementDecision";
  static final String PLACEMENT_LABEL = "flotilla.dev/placement";
  static final String INDEX_LABEL = "flotilla.dev/decision-index";
  static final String OCM_API_VERSION = "cluster.open-cluster-management.io/v1beta1";
  static final String OCM_PLACEMENT_LABEL = "cluster.open-cluster-management.io/placement";

  /** The status fields of a Flotilla page besides {@code decisions} and {@code pages}. */
  private static final Set<String> SUMMARY_FIELDS =
      Set.of(
          "selected",
          "eligible",
          "requested",
          "shortfall",
          "nextChange",
          "evaluationErrors",
          "errors");

  private static final Set<String> DECISION_FIELDS =
      Set.of("groupName", "groupIndex", "score", "wave");

  private DecisionPageReader() {}

  /** Whether {@code root} is a decision page, or a {@code List} whose first item is one. */
  static boolean isPages(Node root) {
    if (!(root instanceof MapNode map)) {
      return false;
    }
    String kind = text(map.fields().get("kind"));
    if (KIND.equals(kind)) {
      return true;
    }
    if ("List".equals(kind) && map.fields().get("items") instanceof ListNode items) {
      return !items.items().isEmpty() && isPages(items.items().get(0));
    }
    return false;
  }

  /** One page of a decision. */
  private record Page(
      boolean flotilla,
      String placement,
      String namespace,
      int index,
      int pages,
      List<String> clusters,
      Location at,
      String path) {}

  /**
   * The decision the pages in {@code documents} hold; each document is a page or a {@code List} of
   * pages. Problems go to {@code binder}; returns null after reporting them.
   */
  static PreviousDecision read(Binder binder, List<Node> documents) {
    List<Node> objects = new ArrayList<>();
    List<String> paths = new ArrayList<>();
    for (int d = 0; d < documents.size(); d++) {
      String prefix = documents.size() > 1 ? "[" + d + "]" : "";
      Node root = documents.get(d);
      if (root instanceof MapNode map && "List".equals(text(map.fields().get("kind")))) {
        Optional<ObjectView> list = ObjectView.of(binder, root, prefix);
        list.ifPresent(
            view -> {
              view.take("apiVersion");
              view.take("kind");
              view.take("metadata");
              view.list(
                  "items",
                  (item, path) -> {
                    objects.add(item);
                    paths.add(path);
                    return Optional.empty();
                  });
              view.rejectUnknown();
            });
      } else {
        objects.add(root);
        paths.add(prefix);
      }
    }
    List<Page> pages = new ArrayList<>();
    for (int i = 0; i < objects.size(); i++) {
      page(binder, objects.get(i), paths.get(i)).ifPresent(pages::add);
    }
    if (binder.hasProblems()) {
      return null;
    }
    if (pages.isEmpty()) {
      binder.report(Location.UNKNOWN, "", "no objects: expected PlacementDecision pages");
      return null;
    }
    return combine(binder, pages);
  }

  private static Optional<Page> page(Binder binder, Node node, String path) {
    Optional<ObjectView> maybe = ObjectView.of(binder, node, path);
    if (maybe.isEmpty()) {
      return Optional.empty();
    }
    ObjectView object = maybe.get();
    String apiVersion = object.requiredString("apiVersion");
    boolean flotilla = !apiVersion.equals(OCM_API_VERSION);
    if (flotilla && !apiVersion.isEmpty() && !apiVersion.equals(PlacementReader.API_VERSION)) {
      binder.report(
          node.location(),
          object.child("apiVersion"),
          "Unsupported value: \""
              + apiVersion
              + "\": supported values: \""
              + PlacementReader.API_VERSION
              + "\", \""
              + OCM_API_VERSION
              + "\"");
    }
    String kind = object.requiredString("kind");
    if (!kind.isEmpty() && !kind.equals(KIND)) {
      binder.report(
          node.location(),
          object.child("kind"),
          "Unsupported value: \"" + kind + "\": supported values: \"" + KIND + "\"");
    }
    String placement = "";
    String namespace = "default";
    String name = "";
    Map<String, String> labels = Map.of();
    Optional<ObjectView> metadata = object.object("metadata");
    if (metadata.isEmpty()) {
      binder.report(node.location(), object.child("metadata"), "Required value");
    } else {
      ObjectView meta = metadata.get();
      name = meta.string("name").orElse("");
      namespace = meta.string("namespace").orElse("default");
      labels = meta.stringMap("labels", false);
      String label = flotilla ? PLACEMENT_LABEL : OCM_PLACEMENT_LABEL;
      placement = labels.getOrDefault(label, "");
      if (placement.isEmpty()) {
        binder.report(
            meta.node().location(),
            meta.child("labels") + "[" + label + "]",
            "Required value: the name of the placement this page belongs to");
      }
      meta.ignoreRest();
    }
    int index = flotilla ? flotillaIndex(binder, object, labels) : ocmIndex(name);
    int pageCount = 0;
    List<String> clusters = new ArrayList<>();
    Optional<ObjectView> status = object.object("status");
    if (status.isEmpty()) {
      binder.report(node.location(), object.child("status"), "Required value");
    } else {
      ObjectView view = status.get();
      if (!view.has("decisions")) {
        binder.report(view.node().location(), view.child("decisions"), "Required value");
      }
      clusters.addAll(view.list("decisions", (item, p) -> decision(binder, item, p, flotilla)));
      if (flotilla) {
        pageCount =
            (int) Math.max(0, Math.min(Integer.MAX_VALUE, view.integer("pages").orElse(0L)));
        if (pageCount < 1) {
          binder.report(view.node().location(), view.child("pages"), "Required value: at least 1");
        }
        SUMMARY_FIELDS.forEach(view::take);
        view.rejectUnknown();
      } else {
        view.ignoreRest();
      }
    }
    if (flotilla) {
      object.rejectUnknown();
    } else {
      object.ignoreRest();
    }
    return Optional.of(
        new Page(
            flotilla, placement, namespace, index, pageCount, clusters, node.location(), path));
  }

  private static int flotillaIndex(Binder binder, ObjectView object, Map<String, String> labels) {
    String text = labels.get(INDEX_LABEL);
    if (text != null && text.matches("[1-9][0-9]{0,8}")) {
      return Integer.parseInt(text);
    }
    binder.report(
        object.node().location(),
        object.child("metadata.labels") + "[" + INDEX_LABEL + "]",
        text == null
            ? "Required value: the page's number, from 1"
            : "Invalid value: \"" + text + "\": must be the page's number, from 1");
    return 0;
  }

  /** OCM numbers its pages by name ({@code <placement>-decision-<n>}); others sort last. */
  private static int ocmIndex(String name) {
    int dash = name.lastIndexOf('-');
    String digits = dash < 0 ? "" : name.substring(dash + 1);
    return digits.matches("[0-9]{1,9}") ? Integer.parseInt(digits) : Integer.MAX_VALUE;
  }

  private static Optional<String> decision(Binder binder, Node item, String path, boolean strict) {
    return ObjectView.of(binder, item, path)
        .flatMap(
            view -> {
              String cluster = view.string("clusterName").orElse("");
              if (strict) {
                if (!view.has("clusterName")) {
                  binder.report(item.location(), view.child("clusterName"), "Required value");
                }
                DECISION_FIELDS.forEach(view::take);
                view.rejectUnknown();
              } else {
                view.ignoreRest(); // reason, score
              }
              // OCM: "an empty ClusterDecision indicates it is not scheduled yet".
              return cluster.isEmpty() ? Optional.empty() : Optional.of(cluster);
            });
  }

  private static PreviousDecision combine(Binder binder, List<Page> pages) {
    Page first = pages.get(0);
    List<Page> ordered = new ArrayList<>();
    Set<Integer> indexes = new HashSet<>();
    for (Page page : pages) {
      if (page.flotilla() != first.flotilla()
          || !page.placement().equals(first.placement())
          || !page.namespace().equals(first.namespace())) {
        binder.report(
            page.at(),
            page.path(),
            "Invalid value: a page of "
                + describe(page)
                + ": every page must be of "
                + describe(first));
      } else if (!indexes.add(page.index()) && page.index() != Integer.MAX_VALUE) {
        binder.report(
            page.at(), page.path(), "Duplicate value: page " + page.index() + " is given twice");
      } else {
        ordered.add(page);
      }
    }
    if (first.flotilla() && pages.size() > 1) {
      int count = first.pages();
      for (Page page : pages) {
        if (page.pages() != count) {
          binder.report(
              page.at(),
              page.path() + (page.path().isEmpty() ? "" : ".") + "status.pages",
              "Invalid value: "
                  + page.pages()
                  + ": the first page given says the decision has "
                  + count
                  + " pages");
        }
      }
      for (int i = 1; i <= count; i++) {
        if (!indexes.contains(i)) {
          binder.report(
              Location.UNKNOWN,
              "",
              "Required value: page " + i + " of " + count + " is missing: give one page or all");
        }
      }
    }
    if (binder.hasProblems()) {
      return null;
    }
    ordered.sort(Comparator.comparingInt(Page::index)); // stable: unnumbered pages keep their order
    List<String> clusters = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (Page page : ordered) {
      for (String cluster : page.clusters()) {
        Integer earlier = seen.putIfAbsent(cluster, page.index());
        if (earlier != null) {
          binder.report(
              page.at(),
              page.path(),
              "Duplicate value: \"" + cluster + "\": the cluster is also on an earlier page");
        } else {
          clusters.add(cluster);
        }
      }
    }
    if (binder.hasProblems()) {
      return null;
    }
    return binder.construct(
        new ScalarNode(null, "", first.at()),
        "",
        () -> new PreviousDecision(first.placement(), first.namespace(), clusters));
  }

  private static String describe(Page page) {
    return (page.flotilla() ? "Flotilla's" : "OCM's")
        + " placement "
        + page.namespace()
        + "/"
        + page.placement();
  }

  private static String text(Node node) {
    return node instanceof ScalarNode scalar && scalar.value() instanceof String s ? s : null;
  }

  /** A Jackson tree as a located tree without locations, so objects read like files. */
  static Node node(JsonNode json) {
    if (json.isObject()) {
      Map<String, Node> fields = new LinkedHashMap<>();
      Map<String, Location> keys = new LinkedHashMap<>();
      json.properties()
          .forEach(
              e -> {
                fields.put(e.getKey(), node(e.getValue()));
                keys.put(e.getKey(), Location.UNKNOWN);
              });
      return new MapNode(fields, keys, Location.UNKNOWN);
    }
    if (json.isArray()) {
      List<Node> items = new ArrayList<>(json.size());
      json.forEach(item -> items.add(node(item)));
      return new ListNode(items, Location.UNKNOWN);
    }
    Object value;
    if (json.isTextual()) {
      value = json.textValue();
    } else if (json.isBoolean()) {
      value = json.booleanValue();
    } else if (json.isIntegralNumber()) {
      BigInteger big = json.bigIntegerValue();
      value = big.bitLength() < 64 ? (Object) big.longValue() : big;
    } else if (json.isNumber()) {
      value = json.decimalValue();
    } else {
      value = null;
    }
    return new ScalarNode(value, json.isValueNode() ? json.asText() : "", Location.UNKNOWN);
  }
}
