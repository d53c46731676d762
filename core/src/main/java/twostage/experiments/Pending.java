package twostage.experiments;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an executor has to do: a study's tasks (duplicate keys merged) that are not yet in its store,
 * the most expensive first, with the counts and costs for the progress report.
 *
 * @param todo the tasks to compute, by decreasing cost (stable for equal costs)
 * @param total distinct tasks in the study
 * @param stored tasks already in the store
 * @param totalCost summed cost of all distinct tasks
 * @param storedCost summed cost of the stored ones
 */
public record Pending<R>(List<Task<R>> todo, int total, int stored, double totalCost, double storedCost) {

  /** The pending tasks of {@code tasks} against {@code store}. */
  public static <R> Pending<R> of(List<? extends Task<R>> tasks, ResultStore<R> store) {
    Map<String, Task<R>> unique = new LinkedHashMap<>();
    for (Task<R> t : tasks) {
      unique.putIfAbsent(t.key(), t);
    }
    List<Task<R>> todo = new ArrayList<>();
    double total = 0;
    double done = 0;
    for (Task<R> t : unique.values()) {
      total += t.cost();
      if (store.has(t.key())) {
        done += t.cost();
      } else {
        todo.add(t);
      }
    }
    todo.sort(Comparator.comparingDouble((Task<R> t) -> t.cost()).reversed());
    return new Pending<>(todo, unique.size(), unique.size() - todo.size(), total, done);
  }

  /** Tells {@code progress} that the batch starts. */
  public void start(String label, Progress progress) {
    progress.start(label, total, stored, totalCost, storedCost);
  }
}
