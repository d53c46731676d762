package twostage.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import scala.Function2;
import scala.reflect.ClassTag$;
import scala.runtime.BoxedUnit;
import twostage.exec.Runner;
import twostage.exec.ThreadPoolRunner;
import twostage.experiments.Progress;
import twostage.experiments.Records;
import twostage.experiments.ResultStore;
import twostage.experiments.Task;
import twostage.experiments.TaskExecutor;

/**
 * Runs a study's tasks on a Spark cluster. The tasks not yet in the store are dealt round-robin, most
 * expensive first, into at most {@link #MAX_PARTITIONS} partitions; each Spark task computes its
 * partition's tasks and returns their results as JSON lines, and the driver appends a partition's
 * results to the store the moment the partition finishes — so a run killed at any point keeps every
 * finished partition and a rerun resumes. Results travel as the same JSON the store writes, so a
 * record is the same whether it was computed here or by a local pool.
 */
public final class SparkExecutor implements TaskExecutor {
  /** Upper bound on the partitions of one batch (a killed run loses at most the partitions in flight). */
  public static final int MAX_PARTITIONS = 256;

  private final JavaSparkContext sc;
  private final ThreadPoolRunner runner;

  /**
   * @param sc the Spark context (owned by the caller)
   * @param driverThreads threads of the driver's runner, for single computations (a limit's groups)
   */
  public SparkExecutor(JavaSparkContext sc, int driverThreads) {
    this.sc = sc;
    this.runner = new ThreadPoolRunner(driverThreads);
  }

  @Override
  public <R> void computeAll(List<Task<R>> todo, ResultStore<R> store, Progress progress) {
    int parts = Math.min(todo.size(), MAX_PARTITIONS);
    List<List<Task<R>>> slices = new ArrayList<>();
    for (int i = 0; i < parts; i++) {
      slices.add(new ArrayList<>());
    }
    for (int i = 0; i < todo.size(); i++) {
      slices.get(i % parts).add(todo.get(i));
    }
    Map<String, Double> costs = new LinkedHashMap<>();
    todo.forEach(t -> costs.put(t.key(), t.cost()));
    JavaRDD<List<Task<R>>> rdd = sc.parallelize(slices, parts);
    Function2<org.apache.spark.TaskContext, scala.collection.Iterator<List<Task<R>>>, List<String[]>> compute = computePartition();
    Function2<Object, List<String[]>, BoxedUnit> collect = (index, lines) -> {
      for (String[] kv : lines) {
        store.append(kv[0], read(kv[1], store.type()));
        synchronized (progress) {
          progress.step(costs.get(kv[0]));
        }
      }
      return BoxedUnit.UNIT;
    };
    sc.sc().runJob(rdd.rdd(), compute, indices(parts), collect, ClassTag$.MODULE$.apply(List.class));
  }

  /** What a Spark task does: compute its partition's tasks, results as (key, JSON) pairs. */
  @SuppressWarnings("unchecked")
  private static <R> Function2<org.apache.spark.TaskContext, scala.collection.Iterator<List<Task<R>>>, List<String[]>> computePartition() {
    return (Function2<org.apache.spark.TaskContext, scala.collection.Iterator<List<Task<R>>>, List<String[]>> & Serializable)
        (ctx, it) -> {
          List<String[]> out = new ArrayList<>();
          while (it.hasNext()) {
            for (Task<R> t : it.next()) {
              out.add(new String[] {t.key(), Records.line(t.compute())});
            }
          }
          return out;
        };
  }

  /** A result read back from JSON into the type the store holds. */
  private static <R> R read(String json, Class<R> type) {
    try {
      return Records.read(Records.MAPPER.readTree(json), type);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("a Spark task returned a result that is not JSON: " + e.getMessage(), e);
    }
  }

  private static scala.collection.immutable.Seq<Object> indices(int n) {
    List<Object> l = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      l.add(i);
    }
    return scala.jdk.javaapi.CollectionConverters.asScala(l).toSeq();
  }

  @Override
  public Runner runner() {
    return runner;
  }

  @Override
  public int parallelism() {
    return sc.defaultParallelism();
  }

  @Override
  public void close() {
    runner.close();
  }
}
