package dev.flotilla.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flotilla.api.io.DecisionReader;
import dev.flotilla.api.labels.LabelSelector;
import dev.flotilla.api.placement.ClusterSelectorTerm;
import dev.flotilla.api.placement.DecisionGroup;
import dev.flotilla.api.placement.IntOrPercent;
import dev.flotilla.api.placement.Placement;
import dev.flotilla.api.placement.PlacementSpec;
import dev.flotilla.api.placement.PreviousDecision;
import dev.flotilla.api.placement.Prioritizer;
import dev.flotilla.api.placement.RolloutStrategy;
import dev.flotilla.placement.CompiledPlacement;
import dev.flotilla.placement.Inventory;
import dev.flotilla.placement.PlacementDecision;
import dev.flotilla.placement.Scheduler;
import dev.flotilla.placement.SchedulingContext;
import dev.flotilla.testkit.FleetGenerator;
import dev.flotilla.testkit.FleetGens;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;

/**
 * Decisions the real scheduler makes over generated fleets, written as Flotilla and OCM pages of
 * any size and read back, give the same clusters (Flotilla's in decision order), with no page over
 * its size and every cluster on exactly one page.
 */
class DecisionWriterProperties {

  private static PlacementDecision schedule(
      List<dev.flotilla.api.Cluster> fleet, int n, int chunk) {
    PlacementSpec spec =
        PlacementSpec.selecting(ClusterSelectorTerm.all())
            .withNumberOfClusters(n)
            .withPrioritizers(
                List.of(
                    new Prioritizer.PropertySorter(
                        FleetGenerator.PROPERTY_CPU, Prioritizer.SortOrder.Descending, 1)))
            .withDecisionGroups(
                List.of(
                    DecisionGroup.of("canary", "canary=true", IntOrPercent.count(chunk)),
                    new DecisionGroup(
                        "rest",
                        LabelSelector.everything(),
                        Optional.of(IntOrPercent.percentage(30)))))
            .withRollout(
                new RolloutStrategy(
                    List.of("canary"),
                    Optional.of(IntOrPercent.count(chunk)),
                    Optional.empty(),
                    Optional.empty()));
    CompiledPlacement compiled = CompiledPlacement.compile(new Placement("web", "edge", spec));
    return Scheduler.of(compiled)
        .schedule(Inventory.of(fleet), SchedulingContext.at(FleetGenerator.EPOCH));
  }

  @Test
  void flotillaPagesReadBackAsTheDecisionInOrder() {
    qt().withFixedSeed(4201L)
        .withExamples(60)
        .forAll(
            FleetGens.fleets(400),
            Generate.range(0, 400),
            Generate.range(1, 40),
            Generate.range(1, DecisionWriter.MAX_CLUSTERS_PER_PAGE))
        .checkAssert(
            (fleet, n, chunk, perPage) -> {
              PlacementDecision decision = schedule(fleet, n, chunk);
              DecisionObjects pages =
                  DecisionWriter.flotilla().clustersPerPage(perPage).ownedBy("u").write(decision);
              int expectedPages = Math.max(1, (decision.clusters().size() + perPage - 1) / perPage);
              assertEquals(expectedPages, pages.size());
              for (ObjectNode page : pages.objects()) {
                assertTrue(page.at("/status/decisions").size() <= perPage);
              }
              PreviousDecision expected = new PreviousDecision("web", "edge", decision.names());
              assertEquals(expected, DecisionReader.parse("d.yaml", pages.yaml()).value());
              assertEquals(expected, DecisionReader.parse("d.json", pages.json()).value());
              assertEquals(expected, DecisionReader.fromObjects(pages.objects()));
            });
  }

  @Test
  void ocmPagesHoldEveryClusterOnceWithinTheirGroup() {
    qt().withFixedSeed(4203L)
        .withExamples(40)
        .forAll(
            FleetGens.fleets(400),
            Generate.range(0, 400),
            Generate.range(1, 40),
            Generate.range(1, DecisionWriter.OCM_CLUSTERS_PER_PAGE))
        .checkAssert(
            (fleet, n, chunk, perPage) -> {
              PlacementDecision decision = schedule(fleet, n, chunk);
              DecisionObjects pages = DecisionWriter.ocm().clustersPerPage(perPage).write(decision);
              Set<String> seen = new HashSet<>();
              List<String> names = new ArrayList<>();
              for (ObjectNode page : pages.objects()) {
                JsonNode decisions = page.at("/status/decisions");
                assertTrue(decisions.size() <= perPage);
                String index =
                    page.at("/metadata/labels")
                        .get(DecisionWriter.OCM_GROUP_INDEX_LABEL)
                        .textValue();
                for (JsonNode d : decisions) {
                  String cluster = d.get("clusterName").textValue();
                  assertTrue(seen.add(cluster), cluster + " twice");
                  PlacementDecision.Group group = decision.groups().get(Integer.parseInt(index));
                  assertTrue(group.clusters().contains(cluster), cluster + " in group " + index);
                  names.add(cluster);
                }
              }
              assertEquals(
                  decision.names().stream().sorted().toList(), names.stream().sorted().toList());
              PreviousDecision back = DecisionReader.parse("ocm.yaml", pages.yaml()).value();
              assertEquals(Set.copyOf(decision.names()), Set.copyOf(back.clusters()));
            });
  }
}
