package dev.flotilla.api.io;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flotilla.api.ValidationException;
import dev.flotilla.api.labels.LabelSelector;
import dev.flotilla.api.labels.Operator;
import dev.flotilla.api.labels.Requirement;
import dev.flotilla.api.placement.ClusterSelectorTerm;
import dev.flotilla.api.placement.DecisionGroup;
import dev.flotilla.api.placement.IntOrPercent;
import dev.flotilla.api.placement.Ordering;
import dev.flotilla.api.placement.PlacementSpec;
import dev.flotilla.api.placement.Prioritizer;
import dev.flotilla.api.placement.PropertyRequirement;
import dev.flotilla.api.placement.RolloutStrategy;
import dev.flotilla.api.placement.SpreadConstraint;
import dev.flotilla.api.placement.Toleration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A placement's spec, its cluster selector terms and label selectors as the trees {@link
 * PlacementReader} and {@link SchedulingReader} read, fields in the documented order, absent
 * optional fields left out.
 */
final class PlacementTrees {
  static final JsonNodeFactory FACTORY = JsonNodeFactory.instance;

  private PlacementTrees() {}

  static ObjectNode spec(PlacementSpec spec) {
    ObjectNode out = FACTORY.objectNode();
    if (!spec.clusterSelectors().isEmpty()) {
      ArrayNode terms = out.putArray("clusterSelectors");
      for (int i = 0; i < spec.clusterSelectors().size(); i++) {
        terms.add(term(spec.clusterSelectors().get(i), "clusterSelectors[" + i + "]"));
      }
    }
    strings(out, "clusterNames", spec.clusterNames());
    strings(out, "excludeClusterNames", spec.excludeClusterNames());
    spec.numberOfClusters().ifPresent(n -> out.put("numberOfClusters", n));
    if (!spec.tolerations().isEmpty()) {
      ArrayNode list = out.putArray("tolerations");
      for (int i = 0; i < spec.tolerations().size(); i++) {
        list.add(toleration(spec.tolerations().get(i), "tolerations[" + i + "]"));
      }
    }
    if (!spec.prioritizers().isEmpty()) {
      ArrayNode list = out.putArray("prioritizers");
      for (int i = 0; i < spec.prioritizers().size(); i++) {
        list.add(prioritizer(spec.prioritizers().get(i), "prioritizers[" + i + "]"));
      }
    }
    if (!spec.spreadConstraints().isEmpty()) {
      ArrayNode list = out.putArray("spreadConstraints");
      spec.spreadConstraints().forEach(c -> list.add(spread(c)));
    }
    if (!spec.decisionGroups().isEmpty()) {
      ArrayNode list = out.putArray("decisionGroups");
      for (int i = 0; i < spec.decisionGroups().size(); i++) {
        list.add(group(spec.decisionGroups().get(i), "decisionGroups[" + i + "]"));
      }
    }
    spec.clustersPerDecisionGroup()
        .ifPresent(n -> intOrPercent(out, "clustersPerDecisionGroup", n));
    spec.rollout().ifPresent(r -> out.set("rollout", rollout(r)));
    if (spec.ordering() != Ordering.Sticky) {
      out.put("ordering", spec.ordering().name());
    }
    ReplicaSchedulingTrees.write(spec, out);
    return out;
  }

  /** One term of {@code clusterSelectors} (also a customization rule's {@code clusterSelector}). */
  static ObjectNode term(ClusterSelectorTerm term, String path) {
    ObjectNode out = FACTORY.objectNode();
    if (!term.labelSelector().isEmpty()) {
      out.set("labelSelector", labelSelector(term.labelSelector(), path + ".labelSelector"));
    }
    if (!term.propertyRequirements().isEmpty()) {
      ArrayNode expressions = out.putObject("propertySelector").putArray("matchExpressions");
      for (PropertyRequirement requirement : term.propertyRequirements()) {
        ObjectNode expression = expressions.addObject();
        expression.put("name", requirement.name());
        expression.put("operator", requirement.operator().name());
        expression.putArray("values").add(requirement.value().text());
      }
    }
    if (!term.celExpressions().isEmpty()) {
      strings(out.putObject("celSelector"), "expressions", term.celExpressions());
    }
    return out;
  }

  /**
   * A selector as a {@code metav1.LabelSelector}: for each key, a first {@code key=value}
   * requirement goes to {@code matchLabels}, which the reader lists before {@code matchExpressions}
   * (both then sorted stably by key, so the requirements read back in the same order); every other
   * requirement is a {@code matchExpressions} entry. {@code ==} and further {@code =} are written
   * as {@code In}, {@code !=} as {@code NotIn}: they select the same labels, but read back as those
   * operators. The selector that matches nothing has no written form.
   */
  static ObjectNode labelSelector(LabelSelector selector, String path) {
    if (!selector.isEmpty() && selector.requirements().isEmpty()) {
      throw ValidationException.at(
          path, "Invalid value: a selector that matches nothing has no written form");
    }
    ObjectNode out = FACTORY.objectNode();
    ObjectNode matchLabels = FACTORY.objectNode();
    ArrayNode matchExpressions = FACTORY.arrayNode();
    Set<String> keysSeen = new HashSet<>();
    for (Requirement requirement : selector.requirements()) {
      boolean firstOfKey = keysSeen.add(requirement.key());
      if (firstOfKey && requirement.operator() == Operator.EQUALS) {
        matchLabels.put(requirement.key(), requirement.values().get(0));
        continue;
      }
      ObjectNode expression = matchExpressions.addObject();
      expression.put("key", requirement.key());
      expression.put("operator", operator(requirement.operator()));
      if (!requirement.values().isEmpty()) {
        ArrayNode values = expression.putArray("values");
        requirement.values().forEach(values::add);
      }
    }
    if (!matchLabels.isEmpty()) {
      out.set("matchLabels", matchLabels);
    }
    if (!matchExpressions.isEmpty()) {
      out.set("matchExpressions", matchExpressions);
    }
    return out;
  }

  private static String operator(Operator operator) {
    return switch (operator) {
      case IN, EQUALS, DOUBLE_EQUALS -> "In";
      case NOT_IN, NOT_EQUALS -> "NotIn";
      case EXISTS -> "Exists";
      case DOES_NOT_EXIST -> "DoesNotExist";
      case GREATER_THAN -> "Gt";
      case LESS_THAN -> "Lt";
    };
  }

  private static ObjectNode toleration(Toleration toleration, String path) {
    ObjectNode out = FACTORY.objectNode();
    if (!toleration.key().isEmpty()) {
      out.put("key", toleration.key());
    }
    out.put("operator", toleration.operator().name());
    if (!toleration.value().isEmpty()) {
      out.put("value", toleration.value());
    }
    toleration.effect().ifPresent(e -> out.put("effect", e.name()));
    if (toleration.tolerationSeconds().isPresent()) {
      long seconds = toleration.tolerationSeconds().getAsLong();
      if (seconds > Integer.MAX_VALUE) {
        // The reader takes an int, as OCM's and Kubernetes' int64 would overflow the clock anyway.
        throw ValidationException.at(
            path + ".tolerationSeconds",
            "Invalid value: " + seconds + ": must be at most " + Integer.MAX_VALUE);
      }
      out.put("tolerationSeconds", seconds);
    }
    return out;
  }

  private static ObjectNode prioritizer(Prioritizer prioritizer, String path) {
    ObjectNode out = FACTORY.objectNode();
    out.put("weight", prioritizer.weight());
    if (prioritizer instanceof Prioritizer.PropertySorter sorter) {
      ObjectNode body = out.putObject("propertySorter");
      body.put("name", sorter.name());
      body.put("sortOrder", sorter.sortOrder().name());
      if (sorter.scale() != Prioritizer.SorterScale.Normalized) {
        body.put("scale", sorter.scale().name());
      }
      if (sorter.labelSelector().isPresent()) {
        body.set(
            "labelSelector",
            labelSelector(sorter.labelSelector().get(), path + ".propertySorter.labelSelector"));
      }
    } else if (prioritizer instanceof Prioritizer.LabelPreference preference) {
      out.set(
          "labelPreference", labelSelector(preference.labelSelector(), path + ".labelPreference"));
    } else if (prioritizer instanceof Prioritizer.Score score) {
      out.putObject("score").put("name", score.name());
    } else if (prioritizer instanceof Prioritizer.PropertyScale scale) {
      ObjectNode body = out.putObject("propertyScale");
      body.put("name", scale.name());
      body.put("sortOrder", scale.sortOrder().name());
      scale.requires().ifPresent(r -> body.put("requires", r));
    } else if (prioritizer instanceof Prioritizer.PreviouslyPicked) {
      out.putObject("previouslyPicked");
    }
    return out;
  }

  private static ObjectNode spread(SpreadConstraint constraint) {
    ObjectNode out = FACTORY.objectNode();
    out.put("topologyKey", constraint.topologyKey().toString());
    out.put("maxSkew", constraint.maxSkew());
    constraint.minDomains().ifPresent(n -> out.put("minDomains", n));
    constraint.maxDomains().ifPresent(n -> out.put("maxDomains", n));
    out.put("whenUnsatisfiable", constraint.whenUnsatisfiable().name());
    return out;
  }

  private static ObjectNode group(DecisionGroup group, String path) {
    ObjectNode out = FACTORY.objectNode();
    out.put("groupName", group.groupName());
    out.set("clusterSelector", labelSelector(group.clusterSelector(), path + ".clusterSelector"));
    group.clustersPerGroup().ifPresent(n -> intOrPercent(out, "clustersPerGroup", n));
    return out;
  }

  private static ObjectNode rollout(RolloutStrategy rollout) {
    ObjectNode out = FACTORY.objectNode();
    strings(out, "canaryGroups", rollout.canaryGroups());
    rollout.maxConcurrency().ifPresent(n -> intOrPercent(out, "maxConcurrency", n));
    rollout.topologyKey().ifPresent(k -> out.put("topologyKey", k.toString()));
    rollout
        .maxUnavailablePerDomain()
        .ifPresent(n -> intOrPercent(out, "maxUnavailablePerDomain", n));
    return out;
  }

  /**
   * A count as an integer, a percentage as the string {@code "25%"}, as Kubernetes' IntOrString.
   */
  private static void intOrPercent(ObjectNode out, String field, IntOrPercent value) {
    if (value.percent()) {
      out.put(field, value.toString());
    } else {
      out.put(field, value.value());
    }
  }

  /** A list of strings, left out when empty. */
  static void strings(ObjectNode out, String field, List<String> values) {
    if (!values.isEmpty()) {
      ArrayNode list = out.putArray(field);
      values.forEach(list::add);
    }
  }
}
