package twostage.experiments;

import java.util.List;
import twostage.exec.Runner;

/**
 * Runs a study's tasks: locally on a thread pool ({@link LocalExecutor}) or on a cluster (the spark
 * module). Whatever the executor, a task's result is the same and is stored under its key.
 */
public interface TaskExecutor extends AutoCloseable {
  /**
   * Computes every task whose key is not yet in {@code store}, appending each result the moment it
   * is known (so an interrupted run loses only the tasks in flight).
   *
   * @return how many tasks were computed now
   */
  <R> int execute(String label, List<? extends Task<R>> tasks, ResultStore<R> store, Progress progress);

  /** A runner for the parallel parts of a single computation (Monte Carlo groups of one limit). */
  Runner runner();

  /** How many tasks run at once. */
  int parallelism();

  /** Releases the executor's threads or connections. */
  @Override
  default void close() {}
}
