package dev.flotilla.summarize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flotilla.api.ValidationException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad partials are rejected with a field path, and partials of different policies never merge. */
class SummaryJsonTest {
  @Test
  void badPartialsAreRejectedWithAPath() {
    Summary partial =
        Scenarios.COMPILED.summarize(
            Scenarios.scenario(7, 40).reports(), Scenarios.scenario(7, 40).context());
    String json = partial.toJson();
    assertEquals(partial, Summary.fromJson(json));
    for (String[] bad :
        List.of(
            new String[] {"{", ""},
            new String[] {"[]", ""},
            new String[] {json.replace("SummaryPartial", "Other"), "format"},
            new String[] {json.replace("\"reports\":", "\"reports\":-1,\"x\":"), "reports"},
            new String[] {
              json.replace("\"function\":\"Sum\"", "\"function\":\"Median\""),
              "layout.aggregates[2].function"
            },
            new String[] {
              json.replaceFirst("\"sum\":\"[^\"]*\"", "\"sum\":\"ten\""), "groups[0].cells[2].sum"
            },
            new String[] {
              json.replaceFirst("\"sketch\":\"[^\"]*\"", "\"sketch\":\"AAAA\""),
              "groups[0].cells[7].sketch"
            })) {
      ValidationException e =
          assertThrows(ValidationException.class, () -> Summary.fromJson(bad[0]), bad[1]);
      assertEquals(bad[1], e.problems().get(0).path(), e.getMessage());
    }
  }

  @Test
  void theEmptySummaryHasAnEmptyResult() {
    SummaryResult result = Summary.empty().result();
    assertEquals(0, result.reports());
    assertEquals(List.of(), result.groups());
    assertEquals(Summary.empty(), Summary.mergeAll(List.of()));
  }

  @Test
  void partialsOfDifferentPoliciesDoNotMerge() {
    Summary a = Scenarios.COMPILED.summarize(List.of(), Scenarios.scenario(1, 1).context());
    Summary b = SummaryLimitsTest.DISTINCT.summarize(List.of(), Scenarios.scenario(1, 1).context());
    assertThrows(IllegalArgumentException.class, () -> a.merge(b));
    assertThrows(IllegalArgumentException.class, () -> Summary.mergeAll(List.of(a, b)));
  }
}
