package twostage.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import twostage.exec.ThreadPoolRunner;

class ReportingRunnerTest {
  /** Records what a runner reports. */
  private final class Recorder implements Progress {
    final List<String> events = new ArrayList<>();
    int steps;

    @Override
    public synchronized void start(String label, int total, int alreadyDone, double totalCost, double doneCost) {
      events.add("start " + label + " " + total);
    }

    @Override
    public synchronized void startedAt(String label, int total, double totalCost, long startedNanos) {
      long ago = now.get() - startedNanos;
      events.add("start " + label + " " + total + (ago >= 1_000_000_000L ? "" : " too early"));
    }

    @Override
    public synchronized void step(double cost) {
      steps++;
    }

    @Override
    public synchronized void finish() {
      events.add("finish");
    }
  }

  /** A clock that tasks advance by hand (nanoseconds). */
  private final AtomicLong now = new AtomicLong();

  @Test
  void reportsEachBatchAndKeepsResultsInOrder() {
    Recorder r = new Recorder();
    try (ThreadPoolRunner pool = new ThreadPoolRunner(3)) {
      ReportingRunner runner = new ReportingRunner(pool, r, "limit x", now::get);
      List<Integer> first = runner.map(20, i -> {
        if (i == 0) {
          pause(1200);
        }
        return i * i;
      });
      List<Integer> single = runner.map(1, i -> 7);
      List<Integer> quick = runner.map(5, i -> -i);
      List<Integer> second = runner.map(4, i -> {
        pause(700);
        return i;
      });
      assertEquals(pool.map(20, i -> i * i), first);
      assertEquals(List.of(7), single);
      assertEquals(List.of(0, -1, -2, -3, -4), quick);
      assertEquals(List.of(0, 1, 2, 3), second);
    }
    // stage 2 (under a second) prints nothing; stage 3 starts reporting once it has run a second
    assertEquals(List.of("start limit x, stage 1 20", "finish", "start limit x, stage 3 4", "finish"), r.events);
    assertEquals(24, r.steps);
  }

  @Test
  void nestedBatchesAreNotReportedTwice() {
    Recorder r = new Recorder();
    ReportingRunner runner = new ReportingRunner(new twostage.exec.SequentialRunner(), r, "limit y", now::get);
    List<Integer> sums = runner.map(3, i -> {
      pause(600);
      List<Integer> inner = runner.map(4, j -> i + j);
      return inner.stream().mapToInt(Integer::intValue).sum();
    });
    assertEquals(List.of(6, 10, 14), sums);
    assertEquals(List.of("start limit y, stage 1 3", "finish"), r.events);
    assertEquals(3, r.steps);
  }

  private void pause(long millis) {
    now.addAndGet(millis * 1_000_000L);
  }
}
