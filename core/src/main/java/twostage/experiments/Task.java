package twostage.experiments;

import java.io.Serializable;

/**
 * One unit of a study's work: a pure function of its own (serialisable) fields, so that it gives the
 * same result on any thread, in any order, in any process — locally or on a Spark executor.
 *
 * @param <R> its result record
 */
public interface Task<R> extends Serializable {
  /** A stable key, unique within its study: the result is stored under it. */
  String key();

  /** Expected relative cost (&gt; 0): expensive tasks start first, progress is weighted by it. */
  default double cost() {
    return 1.0;
  }

  /** Computes the result. */
  R compute();
}
