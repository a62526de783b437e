package dev.flotilla.summarize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.junit.jupiter.api.Test;

/** Sketches beyond k values are a function of their inputs, even built on many threads at once. */
class SketchesTest {
  private static TreeMap<Double, long[]> values(long seed) {
    Random random = new Random(seed);
    TreeMap<Double, long[]> out = new TreeMap<>();
    for (int i = 0; i < 5_000; i++) {
      out.computeIfAbsent(random.nextDouble(), v -> new long[1])[0] += 1 + random.nextInt(3);
    }
    return out;
  }

  private static byte[] buildAndMerge() {
    KllDoublesSketch merged = Sketches.empty();
    for (long seed = 0; seed < 4; seed++) {
      Sketches.merge(merged, Sketches.of(values(seed)));
    }
    return merged.toByteArray();
  }

  @Test
  void sameInputsSameBytesAcrossThreads() throws Exception {
    assertTrue(Sketches.deterministic());
    byte[] reference = buildAndMerge();
    assertTrue(
        KllDoublesSketch.heapify(org.apache.datasketches.memory.Memory.wrap(reference))
            .isEstimationMode(),
        "beyond k: compaction happened");
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<byte[]>> futures = new ArrayList<>();
      for (int i = 0; i < 24; i++) {
        futures.add(pool.submit(SketchesTest::buildAndMerge));
      }
      for (Future<byte[]> future : futures) {
        assertArrayEquals(reference, future.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
