package twostage.experiments;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;
import twostage.exec.Runner;

/**
 * A runner that reports each batch of its tasks to a {@link Progress}, so that one long computation (a
 * limit's Monte Carlo groups) shows how far it is. Each {@link #map} call of two or more tasks is one
 * batch, labelled "stage 1", "stage 2", …, and reported once it has run for a second (a short stage
 * prints nothing); a map called from inside a running batch is not reported again. Results are those
 * of the wrapped runner.
 */
public final class ReportingRunner implements Runner {
  private final Runner inner;
  private final Progress progress;
  private final String label;
  private final LongSupplier clock;
  private final AtomicInteger depth = new AtomicInteger();
  private int batches;

  /**
   * @param inner the runner that computes
   * @param progress where the batches are reported
   * @param label what runs ("limit gmm")
   */
  public ReportingRunner(Runner inner, Progress progress, String label) {
    this(inner, progress, label, System::nanoTime);
  }

  /** As the public constructor, reading time from {@code clock} (nanoseconds; tests). */
  ReportingRunner(Runner inner, Progress progress, String label, LongSupplier clock) {
    this.inner = inner;
    this.progress = progress;
    this.label = label;
    this.clock = clock;
  }

  @Override
  public <T> List<T> map(int count, IntFunction<T> task) {
    if (count < 2 || depth.getAndIncrement() > 0) {
      try {
        return inner.map(count, task);
      } finally {
        if (count >= 2) {
          depth.decrementAndGet();
        }
      }
    }
    String name = label + ", stage " + (++batches);
    long t0 = clock.getAsLong();
    int[] done = {0};
    boolean[] started = {false};
    try {
      return inner.map(count, i -> {
        T t = task.apply(i);
        synchronized (progress) {
          done[0]++;
          if (!started[0] && clock.getAsLong() - t0 > QUIET_NANOS) {
            started[0] = true;
            progress.startedAt(name, count, count, t0);
            for (int k = 1; k < done[0]; k++) {
              progress.step(1);
            }
          }
          if (started[0]) {
            progress.step(1);
          }
        }
        return t;
      });
    } finally {
      synchronized (progress) {
        if (started[0]) {
          progress.finish();
        }
      }
      depth.decrementAndGet();
    }
  }

  /** A batch is reported once it has run this long (a short stage prints nothing). */
  private static final long QUIET_NANOS = 1_000_000_000L;

  @Override
  public int parallelism() {
    return inner.parallelism();
  }
}
