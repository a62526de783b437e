package dev.flotilla.placement;

import dev.flotilla.api.quantity.Quantity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * KubeFleet's scheduler for one first run (no bindings), written from its Go code for tests, over
 * plain data: no Flotilla model. Sources (kubefleet-dev/kubefleet): pkg/scheduler/framework
 * (framework.go runAllPluginsForPickAll/PickN, score.go ScoredClusters.Less, frameworkutils.go
 * pickTopNScoredClusters), plugins/clusteraffinity (types.go clusterRequirement.Matches,
 * retrievePropertyValueFrom, interpolateWeightFor, clusterPreference.Scores; state.go
 * preparePluginState; scoring.go Score), plugins/tainttoleration (filtering.go).
 */
final class KubeFleetReference {
  private KubeFleetReference() {}

  /** A MemberCluster: labels, status.properties values, status.resourceUsage, spec.taints. */
  record Member(
      String name,
      Map<String, String> labels,
      Map<String, String> properties,
      Map<String, Map<String, String>> usage,
      List<String[]> taints) {}

  /** A metav1.LabelSelectorRequirement; matchLabels entries are In with one value. */
  record LabelReq(String key, String operator, List<String> values) {}

  /** A PropertySelectorRequirement. */
  record PropReq(String name, String operator, String value) {}

  /** A ClusterSelectorTerm; {@code labels} null when the term has no label selector. */
  record Term(List<LabelReq> labels, List<PropReq> properties) {}

  /** A PreferredClusterSelector; sorter fields null when there is no property sorter. */
  record Preferred(int weight, List<LabelReq> labels, String sortBy, String sortOrder) {}

  /** A Toleration as the API server stores it (operator defaulted). */
  record Tol(String key, String operator, String value, String effect) {}

  /** A PlacementPolicy of PickAll or PickN. */
  record Policy(
      String type, int n, List<Term> required, List<Preferred> preferred, List<Tol> tolerations) {}

  /** The names picked, in KubeFleet's order. */
  static List<String> schedule(Policy policy, List<Member> fleet) {
    List<Member> passed = new ArrayList<>();
    for (Member m : fleet) {
      if (passesAffinity(policy, m) && tolerated(policy, m)) {
        passed.add(m);
      }
    }
    if (policy.type().equals("PickAll")) {
      return passed.stream().map(Member::name).sorted().toList();
    }
    record Scored(Member m, long score) {}
    List<Scored> scored = new ArrayList<>();
    for (Member m : passed) {
      long score = 0;
      for (Preferred p : policy.preferred()) {
        if (p.weight() != 0) {
          score += preferenceScore(p, m, fleet);
        }
      }
      scored.add(new Scored(m, score));
    }
    // sort.Sort(sort.Reverse(scored)): Less is (score, name) ascending; reversed.
    Comparator<Scored> less =
        Comparator.comparingLong(Scored::score).thenComparing(s -> s.m().name());
    scored.sort(less.reversed());
    int n = Math.min(policy.n(), scored.size());
    return scored.subList(0, n).stream().map(s -> s.m().name()).toList();
  }

  private static boolean passesAffinity(Policy policy, Member m) {
    if (policy.required().isEmpty()) {
      return true;
    }
    for (Term t : policy.required()) {
      if (matches(t, m)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matches(Term t, Member m) {
    if (t.labels() != null && !labelsMatch(t.labels(), m.labels())) {
      return false;
    }
    for (PropReq r : t.properties()) {
      Quantity q = value(m, r.name());
      if (q == null) {
        return false;
      }
      int c = q.compareTo(Quantity.parse(r.value()));
      boolean ok =
          switch (r.operator()) {
            case "Eq" -> c == 0;
            case "Ne" -> c != 0;
            case "Gt" -> c > 0;
            case "Ge" -> c >= 0;
            case "Lt" -> c < 0;
            default -> c <= 0;
          };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  static boolean labelsMatch(List<LabelReq> reqs, Map<String, String> labels) {
    for (LabelReq r : reqs) {
      String v = labels.get(r.key());
      boolean ok =
          switch (r.operator()) {
            case "In" -> v != null && r.values().contains(v);
            case "NotIn" -> v == null || !r.values().contains(v);
            case "Exists" -> v != null;
            default -> v == null;
          };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** retrievePropertyValueFrom; the tests only generate quantities. */
  static Quantity value(Member m, String name) {
    String prefix = "resources.kubernetes-fleet.io/";
    if (name.startsWith(prefix)) {
      String[] segs = name.substring(prefix.length()).split("-");
      String kind =
          switch (segs[0]) {
            case "total" -> "capacity";
            case "allocatable" -> "allocatable";
            default -> "available";
          };
      String v = m.usage().getOrDefault(kind, Map.of()).get(segs[1]);
      return v == null ? null : Quantity.parse(v);
    }
    String v = m.properties().get(name);
    return v == null ? null : Quantity.parse(v);
  }

  private static long preferenceScore(Preferred p, Member m, List<Member> fleet) {
    boolean matched = p.labels() == null || labelsMatch(p.labels(), m.labels());
    if (!matched) {
      return 0;
    }
    if (p.sortBy() == null) {
      return p.weight();
    }
    Quantity q = value(m, p.sortBy());
    if (q == null) {
      return 0;
    }
    Quantity min = null;
    Quantity max = null;
    for (Member c : fleet) { // state.ListClusters(): every member cluster
      Quantity v = value(c, p.sortBy());
      if (v == null) {
        continue;
      }
      min = min == null || v.compareTo(min) < 0 ? v : min;
      max = max == null || v.compareTo(max) > 0 ? v : max;
    }
    double f = q.asApproximateDouble();
    double minF = min.asApproximateDouble();
    double maxF = max.asApproximateDouble();
    if (minF == maxF) {
      return 0;
    }
    double w =
        p.sortOrder().equals("Descending")
            ? ((f - minF) / (maxF - minF)) * (double) p.weight()
            : (1 - (f - minF) / (maxF - minF)) * (double) p.weight();
    return (long) goRound(w);
  }

  /** Go's math.Round, written independently of the engine's. */
  static double goRound(double x) {
    if (Double.isNaN(x) || Double.isInfinite(x)) {
      return x;
    }
    double r = (double) Math.round(Math.abs(x)); // Math.round rounds halves up: right for |x|
    if (Math.abs(x) >= 0x1p52) {
      r = Math.abs(x);
    }
    return Math.copySign(r, x);
  }

  private static boolean tolerated(Policy policy, Member m) {
    for (String[] taint : m.taints()) {
      boolean ok = false;
      for (Tol t : policy.tolerations()) {
        if (t.operator().equals("Exists")) {
          if (t.key().isEmpty() || t.key().equals(taint[0])) {
            ok |= t.effect().isEmpty() || t.effect().equals("NoSchedule");
          }
        }
        if (t.operator().equals("Equal")) {
          if (t.key().equals(taint[0]) && t.value().equals(taint[1])) {
            ok |= t.effect().isEmpty() || t.effect().equals("NoSchedule");
          }
        }
      }
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
