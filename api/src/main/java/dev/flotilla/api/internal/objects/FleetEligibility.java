package dev.flotilla.api.internal.objects;

import dev.flotilla.api.Taint;
import dev.flotilla.api.TaintEffect;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * KubeFleet's cluster eligibility checker as derived taints; see {@link
 * dev.flotilla.api.kube.ClusterObjectMapping.KubeFleetEligibility} for the rules and the source.
 */
final class FleetEligibility {
  static final String PREFIX = "cluster.kubernetes-fleet.io/";

  /**
   * KubeFleet drops a cluster when more than this has passed (checker.go: {@code since > timeout},
   * 5 minutes): the taint takes effect one nanosecond after the timeout.
   */
  static final Duration GRACE = Duration.ofMinutes(5).plusNanos(1);

  private FleetEligibility() {}

  /** The taints of one object; {@code agents} is the agent status list, null when absent. */
  static <N> List<Taint> taints(Draft<N> draft, Draft.Found<N> agents) {
    ObjectTree<N> tree = draft.tree;
    List<Taint> out = new ArrayList<>();
    N metadata = tree.isObject(draft.root) ? tree.field(draft.root, "metadata") : null;
    N deletion =
        metadata != null && tree.isObject(metadata)
            ? tree.field(metadata, "deletionTimestamp")
            : null;
    if (deletion != null && !tree.isNull(deletion)) {
      out.add(taint("left", Optional.empty()));
    }
    if (agents == null || tree.isNull(agents.node())) {
      return out; // no status reported: nothing more is derived (see the rule)
    }
    if (!tree.isList(agents.node())) {
      draft.wrongType(agents.node(), agents.path(), "list");
      return out;
    }
    N member = null;
    String memberPath = agents.path();
    for (int i = 0; i < tree.size(agents.node()); i++) {
      N item = tree.item(agents.node(), i);
      if (tree.isObject(item) && "MemberAgent".equals(text(tree, tree.field(item, "type")))) {
        member = item;
        memberPath = agents.path() + "[" + i + "]";
        break;
      }
    }
    if (member == null) {
      out.add(taint("member-agent-absent", Optional.empty()));
      return out;
    }
    // A missing heartbeat is Go's zero time: long past, so the timeout is in effect at once.
    Optional<Instant> heartbeat =
        time(
            draft,
            tree.field(member, "lastReceivedHeartbeat"),
            memberPath + ".lastReceivedHeartbeat");
    out.add(taint("heartbeat-timeout", heartbeat.map(t -> t.plus(GRACE))));
    N joined = condition(tree, member, "Joined");
    if (joined == null || !"True".equals(text(tree, tree.field(joined, "status")))) {
      out.add(taint("member-agent-not-joined", Optional.empty()));
    }
    N healthy = condition(tree, member, "Healthy");
    if (healthy == null) {
      out.add(taint("health-unknown", Optional.empty()));
    } else if (!"True".equals(text(tree, tree.field(healthy, "status")))) {
      Optional<Instant> since =
          time(draft, tree.field(healthy, "lastTransitionTime"), memberPath + ".conditions");
      out.add(taint("unhealthy", since.map(t -> t.plus(GRACE))));
    }
    return out;
  }

  private static <N> N condition(ObjectTree<N> tree, N member, String type) {
    N conditions = tree.field(member, "conditions");
    if (conditions == null || !tree.isList(conditions)) {
      return null;
    }
    for (int i = 0; i < tree.size(conditions); i++) {
      N item = tree.item(conditions, i);
      if (tree.isObject(item) && type.equals(text(tree, tree.field(item, "type")))) {
        return item;
      }
    }
    return null;
  }

  private static <N> Optional<Instant> time(Draft<N> draft, N node, String path) {
    String text = node == null ? null : draft.tree.string(node);
    if (text == null || text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeParseException e) {
      draft.report(node, path, "Invalid value: \"" + text + "\": not an RFC 3339 time");
      return Optional.empty();
    }
  }

  private static <N> String text(ObjectTree<N> tree, N node) {
    return node == null ? null : tree.string(node);
  }

  private static Taint taint(String name, Optional<Instant> timeAdded) {
    return new Taint(PREFIX + name, "", TaintEffect.NoSelectIfNew, timeAdded);
  }
}
