package twostage.experiments;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import twostage.exec.Runner;
import twostage.exec.ThreadPoolRunner;

/** Runs tasks on a pool of threads of this process, the most expensive first. */
public final class LocalExecutor implements TaskExecutor, AutoCloseable {
  private final int threads;
  private final ThreadPoolRunner runner;

  /** An executor with {@code threads} threads (at least 1). */
  public LocalExecutor(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("--threads must be >= 1, got " + threads);
    }
    this.threads = threads;
    this.runner = new ThreadPoolRunner(threads);
  }

  @Override
  public <R> void computeAll(List<Task<R>> todo, ResultStore<R> store, Progress progress) {
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, todo.size()), r -> {
      Thread th = new Thread(r, "twostage-task");
      th.setDaemon(true);
      return th;
    });
    CompletionService<Task<R>> completion = new ExecutorCompletionService<>(pool);
    List<Future<Task<R>>> futures = new ArrayList<>();
    try {
      for (Task<R> t : todo) {
        futures.add(completion.submit(() -> {
          store.append(t.key(), t.compute());
          return t;
        }));
      }
      for (int i = 0; i < todo.size(); i++) {
        Task<R> finished = completion.take().get();
        synchronized (progress) {
          progress.step(finished.cost());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      futures.forEach(f -> f.cancel(true));
      throw Runner.failure(e);
    } finally {
      pool.shutdownNow();
    }
  }

  @Override
  public Runner runner() {
    return runner;
  }

  @Override
  public int parallelism() {
    return threads;
  }

  @Override
  public void close() {
    runner.close();
  }
}
