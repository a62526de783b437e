package dev.flotilla.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A {@link StringIndex} answers as a {@code HashMap<String, Integer>} through any updates. */
class StringIndexProperties {

  @Test
  void lookupsMatchAHashMapThroughAddsAndRemovals() {
    qt().withFixedSeed(43L)
        .withExamples(100)
        .forAll(longs().all(), integers().between(0, 20_000))
        .checkAssert(
            (seed, size) -> {
              SplittableRandom random = new SplittableRandom(seed);
              List<String> keys = new ArrayList<>();
              Map<String, Integer> expected = new HashMap<>();
              String[] initial = new String[size];
              for (int id = 0; id < size; id++) {
                String key =
                    "k" + Long.toHexString(random.nextLong(1L << (4 + random.nextInt(40))));
                if (expected.putIfAbsent(key, id) == null) {
                  initial[id] = key;
                }
                keys.add(initial[id]);
              }
              StringIndex index = StringIndex.of(initial, size);
              StringIndex first = index;
              Map<String, Integer> firstExpected = new HashMap<>(expected);
              for (int step = 0; step < 2_000; step++) {
                if (random.nextInt(3) > 0 || expected.isEmpty()) {
                  String key = "n" + random.nextInt(5_000);
                  if (!expected.containsKey(key)) {
                    int id = keys.size();
                    keys.add(key);
                    index = index.with(key, id, keys::get);
                    expected.put(key, id);
                  }
                } else {
                  String key = keys.get(random.nextInt(keys.size()));
                  if (key != null) {
                    index = index.without(key, keys::get);
                    expected.remove(key);
                  }
                }
              }
              for (String key : keys) {
                if (key != null) {
                  assertEquals(
                      expected.getOrDefault(key, -1), index.get(key, keys::get), "seed " + seed);
                  assertEquals(
                      firstExpected.getOrDefault(key, -1),
                      first.get(key, keys::get),
                      "the first version, seed " + seed);
                }
              }
              assertEquals(-1, index.get("absent", keys::get));
            });
  }

  @Test
  void aKeyTwiceIsReported() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> StringIndex.of(new String[] {"a", "b", "a"}, 3));
    assertEquals("a", e.getMessage());
  }
}
