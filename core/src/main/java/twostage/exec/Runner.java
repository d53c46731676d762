package twostage.exec;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.function.IntFunction;

/**
 * Runs independent tasks and returns their results in task order. Each task must be a pure function of
 * its index (its random stream derived from the index), so that the results do not depend on the
 * runner, the number of threads or the order of execution.
 */
public interface Runner {
  /** Evaluates {@code task} at 0..count-1 and returns the results in index order. */
  <T> List<T> map(int count, IntFunction<T> task);

  /** Number of tasks that run at once. */
  int parallelism();

  /**
   * What a task that failed on a pool threw, to rethrow as {@code throw Runner.failure(e)}: its
   * unchecked exception as it was, an {@link Error} thrown here, a checked one wrapped.
   */
  static RuntimeException failure(ExecutionException e) {
    Throwable cause = e.getCause();
    if (cause instanceof RuntimeException re) {
      return re;
    }
    if (cause instanceof Error err) {
      throw err;
    }
    return new IllegalStateException(cause);
  }
}
