package dev.flotilla.api.placement;

import dev.flotilla.api.ValidationException;
import dev.flotilla.api.internal.LabelRules;
import dev.flotilla.api.labels.LabelSelector;
import java.util.Objects;
import java.util.Optional;

/**
 * A named group of a decision (OCM's decision groups): the picked clusters whose labels match
 * {@code clusterSelector} and that no earlier group took, split into chunks of {@code
 * clustersPerGroup} (a percentage is of the whole decision). Clusters no group takes form the
 * unnamed group ({@code groupName: ""}), in one chunk. A placement's {@link
 * PlacementSpec#clustersPerDecisionGroup()} instead cuts every group, the unnamed one too, sorted
 * by name (Open Cluster Management's grouping).
 *
 * @param groupName a DNS-1123 subdomain, unique in the placement
 * @param clusterSelector which picked clusters belong to the group
 * @param clustersPerGroup the chunk size; absent: one chunk
 */
public record DecisionGroup(
    String groupName, LabelSelector clusterSelector, Optional<IntOrPercent> clustersPerGroup) {

  /** Validates the name. */
  public DecisionGroup {
    Objects.requireNonNull(groupName, "groupName");
    Objects.requireNonNull(clusterSelector, "clusterSelector");
    Objects.requireNonNull(clustersPerGroup, "clustersPerGroup");
    for (String error : LabelRules.dns1123SubdomainErrors(groupName)) {
      throw ValidationException.at("groupName", "Invalid value: \"" + groupName + "\": " + error);
    }
  }

  /** A group of the clusters matching {@code selector}, in chunks of {@code perGroup}. */
  public static DecisionGroup of(String name, String selector, IntOrPercent perGroup) {
    return new DecisionGroup(name, LabelSelector.parse(selector), Optional.of(perGroup));
  }
}
