package dev.flotilla.summarize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ChunksTest {
  @Test
  void resultsComeInChunkOrderWhoeverComputesThem() {
    List<Integer> expected = IntStream.range(0, 50).boxed().toList();
    assertEquals(expected, Chunks.run(50, c -> c, Runnable::run));
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      assertEquals(expected, Chunks.run(50, c -> c, pool));
    } finally {
      pool.shutdownNow();
    }
    assertEquals(List.of(), Chunks.run(0, c -> c, Runnable::run));
  }

  @Test
  void anExecutorThatNeverRunsItsTasksCannotBlockTheCaller() {
    List<Runnable> parked = new java.util.ArrayList<>();
    assertEquals(List.of(0, 1, 2), Chunks.run(3, c -> c, parked::add));
    assertEquals(2, parked.size());
    parked.forEach(Runnable::run); // late helpers find no chunk left
  }

  @Test
  void aFailingChunkFailsTheRun() {
    IllegalArgumentException boom = new IllegalArgumentException("boom");
    assertSame(
        boom,
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Chunks.run(
                    4,
                    c -> {
                      if (c == 2) {
                        throw boom;
                      }
                      return c;
                    },
                    Runnable::run)));
  }
}
