package dev.flotilla.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A packed {@link Chunked.Ints} reads as the plain {@code int[]} it stands for, through bulk loads
 * and sets that widen it from bytes to chars to ints, and older versions never change.
 */
class ChunkedProperties {

  @Test
  void packedIntsReadAsAPlainArrayAcrossWidths() {
    qt().withFixedSeed(41L)
        .withExamples(200)
        .forAll(longs().all(), integers().between(0, 5_000))
        .checkAssert(
            (seed, length) -> {
              SplittableRandom random = new SplittableRandom(seed);
              int[] bounds = {3, 255, 256, 65_535, 65_536, 5_000_000};
              int bound = bounds[random.nextInt(bounds.length)];
              int[] expected = new int[length];
              for (int i = 0; i < length; i++) {
                expected[i] = random.nextInt(8) == 0 ? -1 : random.nextInt(bound);
              }
              Chunked.Ints ints = Chunked.Ints.of(expected);
              assertReads(expected, ints, "bulk, seed " + seed);
              int[] before = expected.clone();
              Chunked.Ints original = ints;
              for (int step = 0; step < 300; step++) {
                int index = random.nextInt(length + 2_000);
                int widest = bounds[random.nextInt(bounds.length)];
                int value = random.nextInt(10) == 0 ? -1 : random.nextInt(widest);
                ints = ints.set(index, value);
                if (index >= expected.length) {
                  int old = expected.length;
                  expected = Arrays.copyOf(expected, index + 1);
                  Arrays.fill(expected, old, expected.length, -1);
                }
                expected[index] = value;
              }
              assertReads(expected, ints, "after sets, seed " + seed);
              assertReads(before, original, "the original, seed " + seed);
            });
  }

  @Test
  void objectsWithNullChunksReadAsNulls() {
    Object[] values = new Object[5_000];
    values[3_000] = "x";
    Chunked.Objects<Object> objects = Chunked.Objects.of(values);
    assertEquals(null, objects.get(10));
    assertEquals("x", objects.get(3_000));
    Chunked.Objects<Object> set = objects.set(20, "y").set(9_000, "z");
    assertEquals("y", set.get(20));
    assertEquals("z", set.get(9_000));
    assertEquals(null, set.get(8_999));
    assertEquals(null, objects.get(20));
  }

  private static void assertReads(int[] expected, Chunked.Ints ints, String message) {
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], ints.get(i), message + " at " + i);
    }
    assertEquals(-1, ints.get(expected.length + 5_000), message + " past the end");
  }
}
