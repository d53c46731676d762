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
  default <R> int execute(String label, List<? extends Task<R>> tasks, ResultStore<R> store, Progress progress) {
    Pending<R> pending = Pending.of(tasks, store);
    List<Task<R>> todo = pending.todo();
    if (todo.isEmpty()) {
      return 0;
    }
    pending.start(label, progress);
    try {
      computeAll(todo, store, progress);
    } finally {
      progress.finish();
    }
    return todo.size();
  }

  /**
   * Computes {@code todo} (the pending tasks of {@link #execute}, distinct keys, none in the store),
   * appending each result to {@code store} and stepping {@code progress} by the task's cost as it
   * finishes; the first failure is rethrown.
   */
  <R> void computeAll(List<Task<R>> todo, ResultStore<R> store, Progress progress);

  /** A runner for the parallel parts of a single computation (Monte Carlo groups of one limit). */
  Runner runner();

  /** How many tasks run at once. */
  int parallelism();

  /** Releases the executor's threads or connections. */
  @Override
  default void close() {}
}
