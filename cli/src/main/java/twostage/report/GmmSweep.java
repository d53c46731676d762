package twostage.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import twostage.cli.Json;
import twostage.exec.SequentialRunner;
import twostage.experiments.GmmPoint;
import twostage.experiments.GmmPointResult;

/**
 * Runs a list of {@link GmmPoint}s as resumable tasks (one per point, in parallel, the most expensive
 * first), each result appended to a JSON-lines {@link ResultStore} the moment it is done, and turns
 * results into JSON and CSV rows.
 */
public final class GmmSweep {
  /** Name of the JSON-lines results file inside an output directory. */
  public static final String RESULTS = "results.jsonl";

  /** Name of the manifest that records the fixed parameters of an output directory. */
  public static final String MANIFEST = "manifest.json";

  private GmmSweep() {}

  /**
   * The outcome of a run.
   *
   * @param results one JSON object per requested point, in the order of the points
   * @param computed how many points were computed now (the others were already stored)
   * @param seconds wall-clock time of this run
   */
  public record Outcome(List<JsonNode> results, int computed, double seconds) {}

  /** Runs the points missing from {@code dir}/results.jsonl on {@code threads} threads. */
  public static Outcome run(List<GmmPoint> points, Path dir, int threads, String label, boolean progress) {
    long t0 = System.nanoTime();
    List<GmmPoint> order = new ArrayList<>(points);
    order.sort(Comparator.comparingDouble(GmmPoint::cost).reversed());
    List<ResumableTasks.Task> tasks = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    for (GmmPoint p : order) {
      if (!seen.contains(p.key())) {
        seen.add(p.key());
        tasks.add(new ResumableTasks.Task(
            p.key(), p.cost(), () -> json(p.compute(new SequentialRunner()))));
      }
    }
    int computed;
    try (ResultStore store = new ResultStore(dir.resolve(RESULTS))) {
      computed = ResumableTasks.run(tasks, store, threads, label, progress);
      List<JsonNode> out = new ArrayList<>();
      for (GmmPoint p : points) {
        out.add(store.get(p.key()));
      }
      return new Outcome(out, computed, (System.nanoTime() - t0) / 1e9);
    }
  }

  /**
   * Writes {@code manifest} to {@code dir}/manifest.json, or checks that the one there is equal.
   *
   * @throws IllegalArgumentException naming the first differing field when {@code dir} was made with
   *     other fixed parameters
   */
  public static void claim(Path dir, ObjectNode manifest) {
    Path file = dir.resolve(MANIFEST);
    try {
      Files.createDirectories(dir);
      if (Files.exists(file)) {
        JsonNode old = Json.MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
        JsonNode now = Json.MAPPER.readTree(Json.line(manifest));
        if (!old.equals(now)) {
          throw new IllegalArgumentException("--out " + dir + " holds results made with other fixed "
              + "parameters (" + difference(old, now) + "); use another --out directory or the "
              + "same parameters");
        }
        return;
      }
      Files.writeString(file, Json.pretty(manifest) + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot use output directory " + dir, e);
    }
  }

  private static String difference(JsonNode old, JsonNode now) {
    Iterator<Map.Entry<String, JsonNode>> it = now.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode was = old.get(e.getKey());
      if (!e.getValue().equals(was)) {
        return e.getKey() + "=" + (was == null ? "(absent)" : was.toString()) + " there, "
            + e.getValue() + " now";
      }
    }
    Iterator<String> names = old.fieldNames();
    while (names.hasNext()) {
      String n = names.next();
      if (!now.has(n)) {
        return n + "=" + old.get(n) + " there, absent now";
      }
    }
    return "manifest differs";
  }

  /** The JSON of one result (every parameter, sample size and seed with the estimate). */
  public static ObjectNode json(GmmPointResult r) {
    return Json.MAPPER.valueToTree(r.fields());
  }


  /** Column names of the CSV files. */
  public static final String[] CSV_COLUMNS = {
    "K", "d", "beta", "mean", "stdError", "plugInMean", "fisherSamples", "samples", "groups", "seed",
    "method", "seconds"
  };

  /** Writes one CSV row per result. */
  public static void writeCsv(Path file, List<JsonNode> rows) {
    StringBuilder b = new StringBuilder(String.join(",", CSV_COLUMNS)).append('\n');
    for (JsonNode r : rows) {
      List<String> cells = new ArrayList<>();
      for (String c : CSV_COLUMNS) {
        cells.add(r.get(c).asText());
      }
      b.append(String.join(",", cells)).append('\n');
    }
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
