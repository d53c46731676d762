package twostage.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import twostage.experiments.GmmPointResult;

/**
 * spark-submit entry point: sweeps the Appendix K mixture over K, d or beta on the cluster and writes
 * one JSON line per value, in the order of {@code --values}, to {@code --out} (a file on the driver).
 * See {@link SweepArgs} for the options. Without a master from spark-submit or {@code --master} it
 * runs in {@code local[*]}.
 */
public final class SparkSweepMain {
  private SparkSweepMain() {}

  /** Runs the sweep; exits with status 2 on bad arguments. */
  public static void main(String[] args) {
    SweepArgs a;
    try {
      a = SweepArgs.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      System.err.println(SweepArgs.USAGE);
      System.exit(2);
      return;
    }
    SparkConf conf = new SparkConf().setAppName("twostage sweep gmm --vary " + a.vary());
    if (a.master() != null) {
      conf.setMaster(a.master());
    } else if (!conf.contains("spark.master")) {
      conf.setMaster("local[*]");
    }
    long t0 = System.nanoTime();
    List<GmmPointResult> results;
    try (JavaSparkContext sc = new JavaSparkContext(conf)) {
      results = SparkSweep.run(sc, a.points());
    }
    write(Path.of(a.out()), results);
    System.out.printf(Locale.ROOT, "%d points in %.1f s; results in %s%n", results.size(),
        (System.nanoTime() - t0) / 1e9, a.out());
  }

  /** Writes one JSON line per result to {@code file} (replacing it). */
  static void write(Path file, List<GmmPointResult> results) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        for (GmmPointResult r : results) {
          w.write(ResultJson.line(r));
          w.write('\n');
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
