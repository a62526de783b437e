package dev.flotilla.api.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flotilla.api.ValidationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A report never copies a map or list another report made (they are immutable and were checked),
 * which is what lets generators of 100,000 reports keep one object per distinct content; everything
 * else a report checks stays as it was.
 */
class StatusReportSharingTest {
  private static final Instant AT = Instant.parse("2026-01-31T00:00:00Z");

  private static Map<String, Object> deployment() {
    Map<String, Object> container = new LinkedHashMap<>();
    container.put("name", "web");
    container.put("image", "shop/web:1.8.2");
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("kind", "Deployment");
    object.put("spec", Map.of("replicas", 3, "containers", List.of(container)));
    object.put("status", Map.of("readyReplicas", 3L, "ratio", 1.0));
    return object;
  }

  @Test
  void aReportBuiltFromAnotherReportsObjectSharesIt() {
    StatusReport first = new StatusReport("store-1", AT, deployment());
    StatusReport second = new StatusReport("store-2", AT, first.object());
    assertSame(first.object(), second.object());
    assertEquals(new StatusReport("store-3", AT, deployment()).object(), second.object());
    assertEquals(3L, ((Map<?, ?>) second.object().get("spec")).get("replicas"));
    assertEquals(1L, ((Map<?, ?>) second.object().get("status")).get("ratio"));
    // A part of it is shared too, inside a fresh map.
    Map<String, Object> wrapper = new LinkedHashMap<>();
    wrapper.put("spec", first.object().get("spec"));
    StatusReport third = new StatusReport("store-3", AT, wrapper);
    assertSame(first.object().get("spec"), third.object().get("spec"));
  }

  @Test
  void sharedMapsAreUnmodifiable() {
    StatusReport report = new StatusReport("store-1", AT, deployment());
    assertThrows(UnsupportedOperationException.class, () -> report.object().put("x", "y"));
    @SuppressWarnings("unchecked")
    Map<String, Object> spec = (Map<String, Object>) report.object().get("spec");
    assertThrows(UnsupportedOperationException.class, () -> spec.remove("replicas"));
    @SuppressWarnings("unchecked")
    List<Object> containers = (List<Object>) spec.get("containers");
    assertThrows(UnsupportedOperationException.class, () -> containers.add("z"));
    assertThrows(UnsupportedOperationException.class, () -> report.object().entrySet().clear());
  }

  /** {@code depth} maps inside each other, the innermost holding one scalar. */
  private static Map<String, Object> nested(int depth) {
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("leaf", 1L);
    for (int i = 1; i < depth; i++) {
      Map<String, Object> outer = new LinkedHashMap<>();
      outer.put("a", inner);
      inner = outer;
    }
    return inner;
  }

  @Test
  void aSharedMapStillCountsTowardsTheDepthLimitWhereItIsPlaced() {
    // 65 levels is the most a report holds (the object at depth 0 to a map at depth 64).
    StatusReport deepest = new StatusReport("store-1", AT, nested(65));
    ValidationException fresh =
        assertThrows(ValidationException.class, () -> new StatusReport("s", AT, nested(66)));
    Map<String, Object> wrapper = new LinkedHashMap<>();
    wrapper.put("a", deepest.object());
    ValidationException shared =
        assertThrows(ValidationException.class, () -> new StatusReport("s", AT, wrapper));
    assertEquals(fresh.getMessage(), shared.getMessage());
    assertEquals(fresh.problems(), shared.problems());
  }

  @Test
  void errorsNameTheFieldPathAsBefore() {
    Map<String, Object> object = new LinkedHashMap<>();
    List<Object> items = new ArrayList<>();
    items.add(Map.of("ok", "yes"));
    items.add(Map.of("bad", new Object()));
    object.put("spec", Map.of("items", items));
    ValidationException e =
        assertThrows(ValidationException.class, () -> new StatusReport("s", AT, object));
    assertEquals("object.spec.items[1].bad", e.problems().get(0).path());
  }
}
