package dev.flotilla.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.api.Cluster;
import dev.flotilla.api.summary.StatusReport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link StatusReportGenerator#generate}'s shared objects change nothing a reader can see, and
 * reports generated a slice at a time are the reports of the whole fleet, in order.
 */
class StatusReportGeneratorTest {
  @Test
  void generatedReportsEqualTheReportsBuiltOneAtATime() {
    List<Cluster> fleet = FleetGenerator.builder().seed(7).clusters(3_000).build().generate();
    StatusReportGenerator generator = StatusReportGenerator.builder().seed(7).build();
    List<StatusReport> reports = generator.generate(fleet);
    Map<String, Integer> ordinal = new HashMap<>();
    for (int i = 0; i < fleet.size(); i++) {
      ordinal.put(fleet.get(i).name(), i);
    }
    Map<Map<String, Object>, Boolean> distinct = new IdentityHashMap<>();
    for (StatusReport report : reports) {
      int i = ordinal.get(report.cluster());
      assertEquals(generator.report(fleet.get(i), i, 0), report);
      distinct.put(report.object(), true);
    }
    // About 1% of clusters send nothing; the rest share far fewer objects than reports.
    assertTrue(reports.size() > 2_900, "reports: " + reports.size());
    assertTrue(distinct.size() < reports.size() / 4, "distinct objects: " + distinct.size());
  }

  @Test
  void slicesConcatenateToTheWholeFleetsReports() {
    List<Cluster> fleet = FleetGenerator.builder().seed(3).clusters(2_500).build().generate();
    StatusReportGenerator generator = StatusReportGenerator.builder().seed(3).build();
    List<StatusReport> sliced = new ArrayList<>();
    for (int from = 0; from < fleet.size(); from += 700) {
      sliced.addAll(generator.generate(fleet, from, Math.min(fleet.size(), from + 700)));
    }
    assertEquals(generator.generate(fleet), sliced);
  }

  @Test
  void aRangeOutsideTheFleetIsRefused() {
    List<Cluster> fleet = FleetGenerator.builder().seed(3).clusters(10).build().generate();
    StatusReportGenerator generator = StatusReportGenerator.builder().build();
    assertThrows(IndexOutOfBoundsException.class, () -> generator.generate(fleet, 5, 11));
  }
}
