package dev.flotilla.summarize;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A finished status summary, as shown to users; {@link #toJson()} is within the policy's {@code
 * maxBytes}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param reports reports summarized, kept by the filter or not
 * @param matched reports the filter kept
 * @param groups the groups, sorted by key (numbers, then strings, then booleans, then null)
 * @param groupCount how many groups there are, even when {@code groups} was cut for size
 * @param attention the attention list
 * @param stale reports older than {@code staleAfter}, among those the filter kept
 * @param missing expected clusters that sent no report
 * @param errors per failing expression (its field path, such as {@code
 *     spec.aggregates[1].expression}): how many reports it failed on, with examples
 * @param sizeLimited whether lists were cut to keep the JSON form within {@code maxBytes}
 */
public record SummaryResult(
    long reports,
    long matched,
    List<Group> groups,
    long groupCount,
    Attention attention,
    Clusters stale,
    Clusters missing,
    Map<String, Errors> errors,
    boolean sizeLimited) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Copies the collections, so the value is immutable. */
  public SummaryResult {
    groups = List.copyOf(groups);
    errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
  }

  /**
   * One group.
   *
   * @param key the value of each groupBy (scalars or null)
   * @param count reports in the group
   * @param aggregates each aggregate's value: null when the group has no subject for it
   * @param skipped per aggregate, how many null subjects were skipped (only those with some)
   * @param atLeast the CountDistinct aggregates whose value is a lower bound (more distinct values
   *     than counted exactly)
   */
  public record Group(
      Map<String, Object> key,
      long count,
      Map<String, Object> aggregates,
      Map<String, Long> skipped,
      List<String> atLeast) {
    /** Copies the collections, so the value is immutable. */
    public Group {
      key = Collections.unmodifiableMap(new LinkedHashMap<>(key));
      aggregates = Collections.unmodifiableMap(new LinkedHashMap<>(aggregates));
      skipped = Collections.unmodifiableMap(new LinkedHashMap<>(skipped));
      atLeast = List.copyOf(atLeast);
    }
  }

  /**
   * The attention list.
   *
   * @param total how many reports matched {@code when}
   * @param items the first of them in order, at most {@code limit}
   */
  public record Attention(long total, List<Item> items) {
    /** Copies the collections, so the value is immutable. */
    public Attention {
      items = List.copyOf(items);
    }

    /** Whether reports were left out of {@code items}. */
    public boolean truncated() {
      return total > items.size();
    }
  }

  /**
   * One cluster on the attention list.
   *
   * @param cluster the cluster's name
   * @param fields the attention fields, by name (null where an expression failed)
   */
  public record Item(String cluster, Map<String, Object> fields) {
    /** Copies the collections, so the value is immutable. */
    public Item {
      fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }
  }

  /**
   * A count of clusters, with examples (the smallest names).
   *
   * @param count how many clusters
   * @param examples some of them, sorted
   */
  public record Clusters(long count, List<String> examples) {
    /** Copies the collections, so the value is immutable. */
    public Clusters {
      examples = List.copyOf(examples);
    }

    /** Whether clusters were left out of {@code examples}. */
    public boolean truncated() {
      return count > examples.size();
    }
  }

  /**
   * The failures of one expression.
   *
   * @param count reports it failed on
   * @param examples some of them (the smallest cluster names)
   */
  public record Errors(long count, List<ErrorExample> examples) {
    /** Copies the collections, so the value is immutable. */
    public Errors {
      examples = List.copyOf(examples);
    }

    /** Whether failures were left out of {@code examples}. */
    public boolean truncated() {
      return count > examples.size();
    }
  }

  /**
   * One failure.
   *
   * @param cluster the cluster whose report it failed on
   * @param message what went wrong
   */
  public record ErrorExample(String cluster, String message) {}

  /** The group whose key is {@code key}, if present, for tests and tools. */
  public java.util.Optional<Group> group(Map<String, Object> key) {
    return groups.stream().filter(g -> g.key().equals(key)).findFirst();
  }

  /**
   * This result as ordered maps and lists (for YAML or JSON output): {@code reports}, {@code
   * matched}, {@code groups[]} ({@code key}, {@code count}, {@code aggregates}, {@code skipped},
   * {@code atLeast}), {@code groupCount}, {@code groupsTruncated}, {@code attention} ({@code
   * total}, {@code truncated}, {@code items[]} of {@code cluster} and {@code fields}), {@code
   * stale} and {@code missing} ({@code count}, {@code truncated}, {@code clusters}), {@code errors}
   * (per column: {@code count}, {@code truncated}, {@code examples[]} of {@code cluster} and {@code
   * message}), {@code sizeLimited}.
   */
  public Map<String, Object> toMap() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("reports", reports);
    out.put("matched", matched);
    List<Object> groupList = new ArrayList<>(groups.size());
    for (Group g : groups) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("key", g.key());
      m.put("count", g.count());
      m.put("aggregates", g.aggregates());
      if (!g.skipped().isEmpty()) {
        m.put("skipped", g.skipped());
      }
      if (!g.atLeast().isEmpty()) {
        m.put("atLeast", g.atLeast());
      }
      groupList.add(m);
    }
    out.put("groups", groupList);
    out.put("groupCount", groupCount);
    out.put("groupsTruncated", groupCount > groups.size());
    Map<String, Object> att = new LinkedHashMap<>();
    att.put("total", attention.total());
    att.put("truncated", attention.truncated());
    List<Object> items = new ArrayList<>(attention.items().size());
    for (Item item : attention.items()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("cluster", item.cluster());
      m.put("fields", item.fields());
      items.add(m);
    }
    att.put("items", items);
    out.put("attention", att);
    out.put("stale", clusters(stale));
    out.put("missing", clusters(missing));
    Map<String, Object> errorMap = new LinkedHashMap<>();
    errors.forEach(
        (column, e) -> {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("count", e.count());
          m.put("truncated", e.truncated());
          List<Object> examples = new ArrayList<>();
          for (ErrorExample x : e.examples()) {
            Map<String, Object> ex = new LinkedHashMap<>();
            ex.put("cluster", x.cluster());
            ex.put("message", x.message());
            examples.add(ex);
          }
          m.put("examples", examples);
          errorMap.put(column, m);
        });
    out.put("errors", errorMap);
    out.put("sizeLimited", sizeLimited);
    return out;
  }

  private static Map<String, Object> clusters(Clusters c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("count", c.count());
    m.put("truncated", c.truncated());
    m.put("clusters", c.examples());
    return m;
  }

  /** The compact JSON form of {@link #toMap()}; its UTF-8 length is within {@code maxBytes}. */
  public String toJson() {
    try {
      return JSON.writeValueAsString(toMap());
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e); // plain maps, lists and scalars always serialize
    }
  }

  /** The UTF-8 length of {@link #toJson()}. */
  int jsonBytes() {
    try {
      return JSON.writeValueAsBytes(toMap()).length;
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
