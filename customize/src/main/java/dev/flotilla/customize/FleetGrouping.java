package dev.flotilla.customize;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flotilla.expr.PolicyBudget;
import dev.flotilla.placement.ClusterSet;
import dev.flotilla.placement.Inventory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A rule set applied to a whole inventory, each distinct output computed once: clusters are grouped
 * by (the rules that match them, the values their templates read), and the rules run once per group
 * on one member.
 */
final class FleetGrouping {
  /*
   * For maintainers. Clusters are numbered by ordinal: their position in inventory.all(), which
   * visits them in the inventory's own slot order with holes skipped, so ordinals are dense
   * (0..n-1) and names[ordinal] is the cluster's name. Everything per cluster is then array work:
   *
   *   matches    one bitmap (long[] over ordinals) per relevant rule, filled by walking the rule's
   *              ClusterSet and names[] side by side (both in slot order): no name is hashed;
   *   masks      pass 1: each ordinal's set of matching rules, as a mask id; ordinals are then
   *              bucketed by mask id (a counting sort into one int[]);
   *   values     pass 2, per mask: the key plan of its rules (which keys their templates read) is
   *              computed once, then each member's values are read and grouped.
   *
   * A member's label and property values are read from columns (ClusterSet.labelValues, one array
   * per key, read once per run) at its ordinal; only the rare annotation and whole-map reads go by
   * name, and only for masks whose rules' templates read something.
   *
   * Each manifest's outcome for a group comes from an OutcomeTree per mask and manifest: the rules
   * run only when the group's template results take a path no earlier group took, and templates
   * are evaluated through a memo shared by the whole run. Groups whose manifests all got the same
   * outcomes share one CustomizationResult.Group.
   */
  private final RuleRunner runner;
  private final CompiledRule[] rules;
  private final Inventory inventory;
  private final String[] names;

  private FleetGrouping(RuleRunner runner, Inventory inventory) {
    this.runner = runner;
    this.rules = runner.rules();
    this.inventory = inventory;
    this.names = new String[inventory.size()];
    int[] next = {0};
    inventory.all().forEachName(name -> names[next[0]++] = name);
  }

  /** Every manifest customized for every cluster of {@code inventory}. */
  static CustomizationResult apply(
      RuleRunner runner, Inventory inventory, List<JsonNode> manifests) {
    return new FleetGrouping(runner, inventory).apply(manifests);
  }

  private CustomizationResult apply(List<JsonNode> manifests) {
    boolean[][] selected = new boolean[manifests.size()][];
    for (int m = 0; m < selected.length; m++) {
      selected[m] = runner.selectedBy(manifests.get(m));
    }
    boolean[] relevant = runner.relevant(selected);
    long[][] matches = new long[rules.length][];
    for (int r = 0; r < rules.length; r++) {
      ClusterSet set = relevant[r] ? rules[r].select(inventory) : null;
      matches[r] = set == null ? null : ordinals(set);
    }
    Masks masks = Masks.of(matches, names.length);
    Map<Object, Object> memo = new HashMap<>();
    Map<String, List<String>> columnCache = new HashMap<>();
    PolicyBudget.Run budget = runner.startBudget();
    Map<Outcomes, CustomizationResult.Group> byOutcomes = new HashMap<>();
    Map<String, CustomizationResult.Group> byCluster = new HashMap<>(names.length * 2);
    List<CustomizationResult.Group> groups = new ArrayList<>();
    for (int mask = 0; mask < masks.count(); mask++) {
      boolean[] matched = masks.rules(mask, rules.length);
      KeyPlan plan = KeyPlan.of(matched, rules);
      KeyPlan.Columns columns = plan.readsNothing() ? null : columnsOf(plan, columnCache);
      OutcomeTree[] trees = new OutcomeTree[manifests.size()];
      for (int m = 0; m < trees.length; m++) {
        trees[m] = new OutcomeTree();
      }
      Map<KeyPlan.Values, CustomizationResult.Group> byValues = new HashMap<>();
      for (int i = masks.start(mask); i < masks.end(mask); i++) {
        int member = masks.member(i);
        String name = names[member];
        KeyPlan.Values values =
            plan.readsNothing()
                ? KeyPlan.Values.NONE
                : plan.values(inventory, name, columns, member);
        CustomizationResult.Group group = byValues.get(values);
        if (group == null) {
          TemplateContext context =
              TemplateContext.memoized(inventory.clusterVariable(name).orElseThrow(), memo, budget);
          OutcomeTree.Leaf[] leaves = new OutcomeTree.Leaf[trees.length];
          int[] ids = new int[trees.length];
          for (int m = 0; m < trees.length; m++) {
            int index = m;
            leaves[m] =
                trees[m].outcome(
                    context,
                    () ->
                        runner.run(matched, context, manifests.get(index), index, selected[index]));
            ids[m] = leaves[m].id();
          }
          Outcomes outcomes = new Outcomes(mask, ids);
          group = byOutcomes.get(outcomes);
          if (group == null) {
            group = group(leaves);
            byOutcomes.put(outcomes, group);
            groups.add(group);
          }
          byValues.put(values, group);
        }
        byCluster.put(name, group);
      }
    }
    return new CustomizationResult(manifests.size(), byCluster, groups);
  }

  /** The plan's columns, each key read from the index once per run ({@code cache}). */
  private KeyPlan.Columns columnsOf(KeyPlan plan, Map<String, List<String>> cache) {
    ClusterSet all = inventory.all();
    List<List<String>> labels = new ArrayList<>();
    for (String key : plan.labels()) {
      labels.add(cache.computeIfAbsent("l:" + key, k -> all.labelValues(key)));
    }
    List<List<String>> properties = new ArrayList<>();
    for (String key : plan.properties()) {
      properties.add(cache.computeIfAbsent("p:" + key, k -> all.propertyValues(key)));
    }
    return new KeyPlan.Columns(labels, properties);
  }

  /** The group of clusters whose manifests had {@code leaves} as outcomes. */
  private static CustomizationResult.Group group(OutcomeTree.Leaf[] leaves) {
    JsonNode[] outputs = new JsonNode[leaves.length];
    CustomizationError[] errors = new CustomizationError[leaves.length];
    for (int m = 0; m < leaves.length; m++) {
      outputs[m] = leaves[m].outcome().output();
      errors[m] = leaves[m].outcome().error();
    }
    return new CustomizationResult.Group(outputs, errors);
  }

  /** The ordinals of {@code set}, as a bitmap: {@code set} and {@link #names} walked together. */
  private long[] ordinals(ClusterSet set) {
    long[] bits = new long[(names.length + 63) >>> 6];
    int[] cursor = {0};
    set.forEachName(
        name -> {
          int i = cursor[0];
          // Both walks read the same inventory, which hands out the same String objects: skip by
          // identity, and compare contents only should that ever not hold.
          while (i < names.length && name != names[i]) {
            i++;
          }
          if (i == names.length) {
            i = cursor[0];
            while (i < names.length && !name.equals(names[i])) {
              i++;
            }
          }
          if (i == names.length) {
            throw new IllegalStateException("cluster set not in the inventory's order: " + name);
          }
          bits[i >>> 6] |= 1L << i;
          cursor[0] = i + 1;
        });
    return bits;
  }

  /**
   * Clusters by the set of rules that match them. Mask ids are numbered in order of first member;
   * the members of mask {@code k} are {@code member(start(k)) .. member(end(k) - 1)}, in ordinal
   * order.
   */
  private static final class Masks {
    private final List<long[]> masks;
    private final int[] offsets;
    private final int[] members;

    private Masks(List<long[]> masks, int[] offsets, int[] members) {
      this.masks = masks;
      this.offsets = offsets;
      this.members = members;
    }

    static Masks of(long[][] matches, int clusters) {
      int words = (matches.length + 63) >>> 6;
      Map<Mask, Integer> ids = new HashMap<>();
      List<long[]> masks = new ArrayList<>();
      int[] maskOf = new int[clusters];
      long[] scratch = new long[words];
      for (int c = 0; c < clusters; c++) {
        Arrays.fill(scratch, 0);
        long bit = 1L << c;
        for (int r = 0; r < matches.length; r++) {
          if (matches[r] != null && (matches[r][c >>> 6] & bit) != 0) {
            scratch[r >>> 6] |= 1L << r;
          }
        }
        Integer id = ids.get(new Mask(scratch));
        if (id == null) {
          id = masks.size();
          long[] copy = scratch.clone();
          masks.add(copy);
          ids.put(new Mask(copy), id);
        }
        maskOf[c] = id;
      }
      // Counting sort of ordinals by mask id.
      int[] offsets = new int[masks.size() + 1];
      for (int id : maskOf) {
        offsets[id + 1]++;
      }
      for (int k = 0; k < masks.size(); k++) {
        offsets[k + 1] += offsets[k];
      }
      int[] next = Arrays.copyOf(offsets, masks.size());
      int[] members = new int[clusters];
      for (int c = 0; c < clusters; c++) {
        members[next[maskOf[c]]++] = c;
      }
      return new Masks(masks, offsets, members);
    }

    int count() {
      return masks.size();
    }

    int start(int mask) {
      return offsets[mask];
    }

    int end(int mask) {
      return offsets[mask + 1];
    }

    int member(int index) {
      return members[index];
    }

    /** Mask {@code mask} as one boolean per rule. */
    boolean[] rules(int mask, int ruleCount) {
      long[] words = masks.get(mask);
      boolean[] out = new boolean[ruleCount];
      for (int r = 0; r < ruleCount; r++) {
        out[r] = (words[r >>> 6] & (1L << r)) != 0;
      }
      return out;
    }
  }

  /** A set of rules, as bitmap words, compared by content. */
  private record Mask(long[] words) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Mask other && Arrays.equals(words, other.words);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(words);
    }
  }

  /** A mask and the outcome of each manifest (leaf ids of the mask's trees): one output group. */
  private record Outcomes(int mask, int[] leaves) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Outcomes other
          && mask == other.mask
          && Arrays.equals(leaves, other.leaves);
    }

    @Override
    public int hashCode() {
      return mask * 31 + Arrays.hashCode(leaves);
    }
  }
}
