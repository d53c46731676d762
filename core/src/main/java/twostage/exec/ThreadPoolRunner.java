package twostage.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Runs tasks on a fixed pool of daemon threads; results come back in index order. */
public final class ThreadPoolRunner implements Runner, AutoCloseable {
  private final ExecutorService pool;
  private final int threads;

  /** A pool of {@code threads} threads (at least 1). */
  public ThreadPoolRunner(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    this.threads = threads;
    this.pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "twostage-worker");
              t.setDaemon(true);
              return t;
            });
  }

  /** A runner with one thread per available processor. */
  public static ThreadPoolRunner allCores() {
    return new ThreadPoolRunner(Runtime.getRuntime().availableProcessors());
  }

  @Override
  public <T> List<T> map(int count, IntFunction<T> task) {
    List<Future<T>> futures = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      final int index = i;
      futures.add(pool.submit(() -> task.apply(index)));
    }
    List<T> out = new ArrayList<>(count);
    try {
      for (Future<T> f : futures) {
        out.add(f.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      futures.forEach(f -> f.cancel(true));
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      futures.forEach(f -> f.cancel(true));
      throw Runner.failure(e);
    }
    return out;
  }

  @Override
  public int parallelism() {
    return threads;
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
