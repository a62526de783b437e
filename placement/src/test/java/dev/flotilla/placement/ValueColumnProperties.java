package dev.flotilla.placement;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.flotilla.api.quantity.Quantity;
import dev.flotilla.api.quantity.Version;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * A column, built at once or updated one slot at a time, answers as a plain {@code TreeMap} from
 * ordinal to value does: ids, values, postings, presence, numeric ranges and parsed properties.
 */
class ValueColumnProperties {
  /** Small on purpose: values repeat, numbers tie ("7", "07", "+7"), some are not numbers. */
  private static final List<String> VALUES =
      List.of(
          "7",
          "07",
          "+7",
          "-3",
          "0",
          "12",
          "9223372036854775807",
          "-9223372036854775808",
          "9223372036854775808",
          "x",
          "1.31.2",
          "v1.30",
          "500m",
          "2Gi",
          "16",
          "");

  @Test
  void updatesMatchATreeMap() {
    qt().withFixedSeed(41L)
        .withExamples(300)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              SplittableRandom random = new SplittableRandom(seed);
              ValueColumn.Kind kind =
                  random.nextBoolean() ? ValueColumn.Kind.LABEL : ValueColumn.Kind.PROPERTY;
              int capacity = 1 + random.nextInt(2_000);
              TreeMap<Integer, String> expected = new TreeMap<>();
              String[] initial = new String[capacity];
              for (int o = 0; o < capacity; o++) {
                if (random.nextInt(3) == 0) {
                  initial[o] = VALUES.get(random.nextInt(VALUES.size()));
                  expected.put(o, initial[o]);
                }
              }
              ValueColumn column = ValueColumn.build("k", kind, initial, capacity);
              assertColumn(expected, column, capacity, kind, "built, seed " + seed);
              for (int step = 0; step < 200; step++) {
                int o = random.nextInt(capacity + 3); // sometimes a new slot
                capacity = Math.max(capacity, o + 1);
                String value =
                    random.nextInt(4) == 0 ? null : VALUES.get(random.nextInt(VALUES.size()));
                column = column.with(o, value, capacity);
                if (value == null) {
                  expected.remove(o);
                } else {
                  expected.put(o, value);
                }
              }
              assertColumn(expected, column, capacity, kind, "updated, seed " + seed);
            });
  }

  @Test
  void anEmptyColumnGrowsFromNothing() {
    ValueColumn column = ValueColumn.empty("k", ValueColumn.Kind.LABEL);
    assertEquals(0, column.valueCount());
    column = column.with(5, "3", 6).with(2, "1", 6);
    assertEquals("3", column.valueAt(5));
    assertArrayEquals(new int[] {1}, column.numericRange(3, false));
    assertArrayEquals(new int[] {0}, column.numericRange(1, true));
  }

  @Test
  void equalNumbersAreAllInOrAllOutOfARange() {
    String[] values = {"7", "07", "+7", "8", "6"};
    ValueColumn column = ValueColumn.build("k", ValueColumn.Kind.LABEL, values, values.length);
    assertEquals(new TreeSet<>(List.of("8")), valuesOf(column, column.numericRange(7, true)));
    assertEquals(new TreeSet<>(List.of("6")), valuesOf(column, column.numericRange(7, false)));
    assertEquals(
        new TreeSet<>(List.of("7", "07", "+7", "8")),
        valuesOf(column, column.numericRange(6, true)));
  }

  @Test
  void sortByNumberSortsPairsByTheirNumber() {
    qt().withFixedSeed(43L)
        .withExamples(200)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              SplittableRandom random = new SplittableRandom(seed);
              int n = random.nextInt(200);
              long[] numbers = new long[n];
              int[] ids = new int[n];
              for (int i = 0; i < n; i++) {
                numbers[i] = random.nextInt(3) == 0 ? random.nextLong() : random.nextInt(20) - 10;
                ids[i] = i;
              }
              long[] original = numbers.clone();
              ValueColumn.sortByNumber(numbers, ids);
              long[] sorted = original.clone();
              Arrays.sort(sorted);
              assertArrayEquals(sorted, numbers, "seed " + seed);
              for (int i = 0; i < n; i++) {
                assertEquals(original[ids[i]], numbers[i], "pairs stay together, seed " + seed);
              }
            });
  }

  private static TreeSet<String> valuesOf(ValueColumn column, int[] ids) {
    TreeSet<String> out = new TreeSet<>();
    for (int id : ids) {
      out.add(column.value(id));
    }
    return out;
  }

  private static void assertColumn(
      TreeMap<Integer, String> expected,
      ValueColumn column,
      int capacity,
      ValueColumn.Kind kind,
      String context) {
    BitSet present = new BitSet();
    Map<String, BitSet> byValue = new TreeMap<>();
    for (int slot = 0; slot < capacity + 2; slot++) {
      int o = slot;
      String value = expected.get(o);
      assertEquals(value, column.valueAt(o), () -> context + " value at " + o);
      if (value != null) {
        present.set(o);
        byValue.computeIfAbsent(value, v -> new BitSet()).set(o);
        assertEquals(value, column.value(column.idAt(o)), () -> context + " id at " + o);
      } else {
        assertEquals(-1, column.idAt(o), () -> context + " id at " + o);
      }
    }
    PostingProperties.assertSameSet(present, column.present(), capacity, context + " present");
    assertEquals(present.isEmpty(), column.isEmpty(), context + " isEmpty");
    for (String value : VALUES) {
      BitSet holders = byValue.getOrDefault(value, new BitSet());
      PostingProperties.assertSameSet(
          holders, column.posting(value), capacity, context + " " + value);
    }
    List<String> distinct = new ArrayList<>();
    for (int id = 0; id < column.valueCount(); id++) {
      distinct.add(column.value(id));
      if (kind == ValueColumn.Kind.PROPERTY) {
        String value = column.value(id);
        assertEquals(
            Quantity.tryParse(value).orElse(null), column.quantity(id), context + " " + value);
        assertEquals(
            Version.tryParseNormalized(value).orElse(null),
            column.version(id),
            context + " " + value);
      }
    }
    assertEquals(new TreeSet<>(distinct).size(), distinct.size(), context + " ids are distinct");
    for (long bound : new long[] {-5, 0, 6, 7, 8, 12, Long.MAX_VALUE, Long.MIN_VALUE}) {
      for (boolean greater : new boolean[] {true, false}) {
        TreeSet<String> inRange = new TreeSet<>();
        if (kind == ValueColumn.Kind.LABEL) {
          for (String value : distinct) {
            if (Int64.isInt64(value)
                && (greater ? Long.parseLong(value) > bound : Long.parseLong(value) < bound)) {
              inRange.add(value);
            }
          }
        }
        assertEquals(
            inRange,
            valuesOf(column, column.numericRange(bound, greater)),
            context + (greater ? " > " : " < ") + bound);
      }
    }
  }
}
