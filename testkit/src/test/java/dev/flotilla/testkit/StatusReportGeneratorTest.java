package dev.flotilla.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flotilla.api.Cluster;
import dev.flotilla.api.summary.StatusReport;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reports generated a slice at a time are the reports of the whole fleet, in order. */
class StatusReportGeneratorTest {

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
