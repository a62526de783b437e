package dev.flotilla.placement;

import dev.flotilla.api.Cluster;
import dev.flotilla.api.io.InventoryReader;
import dev.flotilla.api.io.PlacementReader;
import dev.flotilla.api.placement.Placement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test fixtures for KubeFleet: a fleet of {@code MemberCluster} objects written as a Kubernetes
 * {@code List} (as {@code kubectl get memberclusters -o yaml} prints it) in {@code v1} or {@code
 * v1beta1}, and {@code ClusterResourcePlacement} documents, read through Flotilla's readers and
 * scheduled by Flotilla's scheduler.
 */
final class KubeFleetFleet {
  static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  private final String version;
  private final List<Member> members = new ArrayList<>();

  private KubeFleetFleet(String version) {
    this.version = version;
  }

  /** A fleet of {@code cluster.kubernetes-fleet.io/<version>} MemberClusters. */
  static KubeFleetFleet of(String version) {
    return new KubeFleetFleet(version);
  }

  /** A member cluster named {@code name}, to fill in. */
  Member cluster(String name) {
    Member member = new Member(name);
    members.add(member);
    return member;
  }

  /** One MemberCluster. */
  final class Member {
    final String name;
    final Map<String, String> labels = new LinkedHashMap<>();
    final Map<String, String> properties = new LinkedHashMap<>();
    final Map<String, Map<String, String>> usage = new LinkedHashMap<>();
    final List<String[]> taints = new ArrayList<>();
    String deletionTimestamp;
    String agentStatus; // YAML of status.agentStatus, or null

    private Member(String name) {
      this.name = name;
    }

    Member label(String key, String value) {
      labels.put(key, value);
      return this;
    }

    Member property(String key, String value) {
      properties.put(key, value);
      return this;
    }

    /** {@code status.resourceUsage.<kind>.<resource>}, kind capacity, allocatable or available. */
    Member usage(String kind, String resource, String value) {
      usage.computeIfAbsent(kind, k -> new LinkedHashMap<>()).put(resource, value);
      return this;
    }

    Member taint(String key, String value) {
      taints.add(new String[] {key, value});
      return this;
    }

    /** metadata.deletionTimestamp. */
    Member deleting(String time) {
      deletionTimestamp = time;
      return this;
    }

    /**
     * A MemberAgent entry in status.agentStatus: its heartbeat, Joined status and Healthy status
     * with its lastTransitionTime; null leaves a part out.
     */
    Member agent(String heartbeat, String joined, String healthy, String healthySince) {
      StringBuilder out = new StringBuilder("    agentStatus:\n    - type: MemberAgent\n");
      if (heartbeat != null) {
        out.append("      lastReceivedHeartbeat: \"").append(heartbeat).append("\"\n");
      }
      out.append("      conditions:").append(joined == null && healthy == null ? " []\n" : "\n");
      if (joined != null) {
        out.append("      - {type: Joined, status: \"")
            .append(joined)
            .append("\"")
            .append(", reason: Joined, lastTransitionTime: \"2026-01-01T00:00:00Z\"}\n");
      }
      if (healthy != null) {
        out.append("      - {type: Healthy, status: \"").append(healthy).append("\", reason: r");
        if (healthySince != null) {
          out.append(", lastTransitionTime: \"").append(healthySince).append('"');
        }
        out.append("}\n");
      }
      agentStatus = out.toString();
      return this;
    }

    /** A status.agentStatus list without a MemberAgent entry. */
    Member otherAgentOnly() {
      agentStatus = "    agentStatus:\n    - {type: ServiceExportImportAgent, conditions: []}\n";
      return this;
    }

    KubeFleetFleet and() {
      return KubeFleetFleet.this;
    }

    Member cluster(String other) {
      return KubeFleetFleet.this.cluster(other);
    }

    String yaml() {
      StringBuilder out = new StringBuilder();
      out.append("- apiVersion: cluster.kubernetes-fleet.io/").append(version).append('\n');
      out.append("  kind: MemberCluster\n");
      out.append("  metadata:\n    name: ").append(name).append('\n');
      if (deletionTimestamp != null) {
        out.append("    deletionTimestamp: \"").append(deletionTimestamp).append("\"\n");
      }
      if (!labels.isEmpty()) {
        out.append("    labels:\n");
        labels.forEach(
            (k, v) -> out.append("      ").append(k).append(": \"").append(v).append("\"\n"));
      }
      out.append("  spec:\n    identity: {kind: ServiceAccount, name: fleet-member-agent-")
          .append(name)
          .append(", namespace: fleet-system}\n");
      if (!taints.isEmpty()) {
        out.append("    taints:\n");
        for (String[] t : taints) {
          out.append("    - {key: ").append(t[0]);
          if (!t[1].isEmpty()) {
            out.append(", value: \"").append(t[1]).append('"');
          }
          out.append(", effect: NoSchedule}\n");
        }
      }
      boolean empty = properties.isEmpty() && usage.isEmpty() && agentStatus == null;
      out.append(empty ? "  status: {}\n" : "  status:\n");
      if (!properties.isEmpty()) {
        out.append("    properties:\n");
        properties.forEach(
            (k, v) ->
                out.append("      ").append(k).append(": {value: \"").append(v).append("\"}\n"));
      }
      if (!usage.isEmpty()) {
        out.append("    resourceUsage:\n");
        usage.forEach(
            (kind, values) -> {
              out.append("      ").append(kind).append(":\n");
              values.forEach(
                  (k, v) ->
                      out.append("        ").append(k).append(": \"").append(v).append("\"\n"));
            });
      }
      if (agentStatus != null) {
        out.append(agentStatus);
      }
      return out.toString();
    }
  }

  /** The fleet as a Kubernetes List document. */
  String yaml() {
    StringBuilder out =
        new StringBuilder(
            "apiVersion: v1\nkind: List\nitems:" + (members.isEmpty() ? " []\n" : "\n"));
    members.forEach(m -> out.append(m.yaml()));
    return out.toString();
  }

  /** The fleet read by Flotilla's inventory reader. */
  List<Cluster> clusters() {
    return InventoryReader.read("fleet.yaml", yaml());
  }

  /** A ClusterResourcePlacement of this version's group with {@code spec} (YAML, indented 2). */
  static String crp(String version, String spec) {
    return "apiVersion: placement.kubernetes-fleet.io/"
        + version
        + "\nkind: ClusterResourcePlacement\nmetadata:\n  name: crp\nspec:\n"
        + "  resourceSelectors:\n  - {group: \"\", version: v1, kind: Namespace, name: app}\n"
        + spec.stripIndent().lines().map(l -> "  " + l).reduce("", (a, b) -> a + b + "\n");
  }

  /** Reads a placement document. */
  static Placement placement(String text) {
    return PlacementReader.parse("crp.yaml", text).value();
  }

  /** The names Flotilla picks for {@code placement} on this fleet, sorted. */
  List<String> picked(Placement placement) {
    return pickedOrder(placement).stream().sorted().toList();
  }

  /** The names Flotilla picks, in decision order. */
  List<String> pickedOrder(Placement placement) {
    return pickedOrder(placement, NOW);
  }

  /** The names Flotilla picks at {@code now}, in decision order. */
  List<String> pickedOrder(Placement placement, Instant now) {
    return Scheduler.of(CompiledPlacement.compile(placement))
        .schedule(Inventory.of(clusters()), SchedulingContext.at(now))
        .names();
  }
}
