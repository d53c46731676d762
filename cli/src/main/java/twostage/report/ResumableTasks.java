package twostage.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Runs keyed tasks in parallel, skipping those already in a {@link ResultStore} and storing each result
 * the moment it finishes, with a progress bar (on standard error) that shows the time left. Each task
 * must be a pure function of its key (its random stream derived from the spec and the seed), so an
 * interrupted and resumed run equals an uninterrupted one.
 */
public final class ResumableTasks {
  private ResumableTasks() {}

  /**
   * A task: its key, its expected relative cost and the computation.
   *
   * @param key unique, stable identifier (written to the store)
   * @param weight expected relative cost (> 0): the progress bar advances by weight, so its estimate of
   *     the time left is right when tasks of very different cost run
   * @param work the computation
   */
  public record Task(String key, double weight, Supplier<ObjectNode> work) {
    public Task {
      if (!(weight > 0) || Double.isInfinite(weight)) {
        throw new IllegalArgumentException("task weight must be > 0 and finite, got " + weight);
      }
    }

    /** A task of weight 1. */
    public Task(String key, Supplier<ObjectNode> work) {
      this(key, 1.0, work);
    }
  }

  /** Resolution of the progress bar: it counts per-mille of the total weight. */
  private static final long SCALE = 1000;

  /**
   * Runs the tasks not yet in {@code store} on {@code threads} threads.
   *
   * @return the number of tasks computed in this call (the others were already stored)
   */
  public static int run(List<Task> tasks, ResultStore store, int threads, String label, boolean progress) {
    List<Task> todo = new ArrayList<>();
    for (Task t : tasks) {
      if (!store.has(t.key())) {
        todo.add(t);
      }
    }
    if (todo.isEmpty()) {
      return 0;
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread th = new Thread(r, "twostage-task");
      th.setDaemon(true);
      return th;
    });
    double total = 0;
    double[] done = new double[1];
    for (Task t : tasks) {
      total += t.weight();
      if (store.has(t.key())) {
        done[0] += t.weight();
      }
    }
    double weightTotal = total;
    int[] finished = {tasks.size() - todo.size()};
    ProgressBar bar = progress
        ? new ProgressBarBuilder().setTaskName(label).setInitialMax(SCALE).setUnit("‰", 1)
            .setStyle(ProgressBarStyle.ASCII).continuousUpdate().setUpdateIntervalMillis(500)
            .startsFrom(Math.round(SCALE * done[0] / total), java.time.Duration.ZERO).build()
        : null;
    if (bar != null) {
      bar.setExtraMessage(finished[0] + "/" + tasks.size() + " tasks");
    }
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (Task t : todo) {
        futures.add(pool.submit(() -> {
          ObjectNode result = t.work().get();
          store.append(t.key(), result);
          if (bar != null) {
            synchronized (done) {
              done[0] += t.weight();
              finished[0]++;
              bar.stepTo(Math.round(SCALE * done[0] / weightTotal));
              bar.setExtraMessage(finished[0] + "/" + tasks.size() + " tasks");
            }
          }
        }));
      }
      for (Future<?> f : futures) {
        try {
          f.get();
        } catch (ExecutionException e) {
          futures.forEach(x -> x.cancel(true));
          Throwable c = e.getCause();
          if (c instanceof RuntimeException re) {
            throw re;
          }
          throw new IllegalStateException(c);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } finally {
      pool.shutdownNow();
      if (bar != null) {
        bar.close();
      }
    }
    return todo.size();
  }
}
