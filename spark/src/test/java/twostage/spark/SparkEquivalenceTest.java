package twostage.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import twostage.cli.Main;
import twostage.experiments.LocalExecutor;
import twostage.report.Json;

/**
 * The Spark entry point on local[2] writes the files of the local command line, field for field (wall
 * clock aside), and resumes after {@code kill -9}.
 */
class SparkEquivalenceTest {
  /** Fields that hold wall-clock or per-run counts, the only ones allowed to differ. */
  private static final Set<String> TIMING = Set.of("seconds", "secondsThisRun", "timing", "timings",
      "cpuSecondsPerReplicate", "computedNow", "replicatesComputedThisRun");

  private static JavaSparkContext sc;

  @TempDir Path tmp;

  @BeforeAll
  static void start() {
    sc = new JavaSparkContext(new SparkConf().setMaster("local[2]").setAppName("twostage-spark-test")
        .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1")
        .set("spark.driver.bindAddress", "127.0.0.1"));
    sc.setLogLevel("WARN");
  }

  @AfterAll
  static void stop() {
    Main.useExecutors(LocalExecutor::new);
    if (sc != null) {
      sc.close();
    }
  }

  private static int local(List<String> args) {
    Main.useExecutors(LocalExecutor::new);
    return Main.execute(args.toArray(new String[0]));
  }

  private static int spark(List<String> args) {
    Main.useExecutors(t -> new SparkExecutor(sc, t));
    try {
      return Main.execute(args.toArray(new String[0]));
    } finally {
      Main.useExecutors(LocalExecutor::new);
    }
  }

  private static List<String> with(List<String> args, Path out) {
    List<String> a = new ArrayList<>(args);
    a.addAll(List.of("--no-progress", "--out", out.toString()));
    return a;
  }

  private void sameFilesOnSparkAsLocally(List<String> args) throws IOException {
    Path a = tmp.resolve("local");
    Path b = tmp.resolve("spark");
    assertThat(local(with(args, a))).isZero();
    assertThat(spark(with(args, b))).isZero();
    assertSameFiles(a, b);
  }

  @Test
  void validateFactorQuick() throws IOException {
    sameFilesOnSparkAsLocally(List.of("validate", "factor", "--k", "3", "--d", "10", "--preset", "quick"));
  }

  @Test
  void checkFactor() throws IOException {
    sameFilesOnSparkAsLocally(List.of("check", "factor", "--k", "3", "--d", "8", "--m", "1e6", "--reps", "2000"));
  }

  @Test
  void sweepGmm() throws IOException {
    sameFilesOnSparkAsLocally(List.of("sweep", "gmm", "--vary", "d", "--values", "4,8,16,32", "--K", "3",
        "--fisher-samples", "20000", "--samples", "50000"));
  }

  @Test
  void figure2Quick() throws IOException {
    sameFilesOnSparkAsLocally(List.of("figure2", "--preset", "quick"));
  }

  @Test
  void resumesAfterKill9() throws Exception {
    List<String> args = List.of("validate", "factor", "--k", "3", "--d", "10", "--n", "100,300,1000,3000,10000",
        "--reps", "4000");
    Path killed = tmp.resolve("killed");
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(List.of(System.getProperty("spark.jvm.options", "").trim().split("\\s+")));
    cmd.addAll(List.of("-Xmx1g", "-cp", System.getProperty("java.class.path"), SparkMain.class.getName(),
        "--master", "local[2]"));
    cmd.addAll(with(args, killed));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(tmp.resolve("killed.log").toFile()).start();
    Path results = killed.resolve("results.jsonl");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (lines(results) < 2000 && p.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(p.isAlive()).as("the run finished before it could be killed: " + Files.readString(
        tmp.resolve("killed.log"))).isTrue();
    p.destroyForcibly().waitFor();
    long before = lines(results);
    assertThat(before).isGreaterThan(0).isLessThan(20_000);
    assertThat(spark(with(args, killed))).isZero();
    JsonNode v = Json.MAPPER.readTree(killed.resolve("validation.json").toFile());
    assertThat(v.at("/timing/replicatesComputedThisRun").asLong()).isLessThan(20_000);
    Path fresh = tmp.resolve("fresh");
    assertThat(local(with(args, fresh))).isZero();
    assertSameFiles(fresh, killed);
  }

  private static long lines(Path f) throws IOException {
    if (!Files.exists(f)) {
      return 0;
    }
    try (Stream<String> s = Files.lines(f)) {
      return s.count();
    }
  }

  /** Every JSON, JSON-lines and CSV file of {@code a} is in {@code b} with equal fields, timings aside. */
  static void assertSameFiles(Path a, Path b) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(a)) {
      files = s.filter(Files::isRegularFile).filter(f -> {
        String n = f.getFileName().toString();
        return n.endsWith(".json") || n.endsWith(".jsonl") || n.endsWith(".csv");
      }).toList();
    }
    assertThat(files).isNotEmpty();
    for (Path f : files) {
      Path g = b.resolve(a.relativize(f).toString());
      assertThat(g).as("file " + a.relativize(f)).exists();
      String name = f.getFileName().toString();
      if (name.endsWith(".jsonl")) {
        assertThat(byKey(g)).as(name).isEqualTo(byKey(f));
      } else if (name.endsWith(".json")) {
        assertThat(strip(Json.MAPPER.readTree(g.toFile()))).as(name).isEqualTo(strip(Json.MAPPER.readTree(f.toFile())));
      } else {
        assertThat(csv(g)).as(name).isEqualTo(csv(f));
      }
    }
  }

  private static Map<String, JsonNode> byKey(Path f) throws IOException {
    Map<String, JsonNode> m = new TreeMap<>();
    for (String line : Files.readAllLines(f)) {
      JsonNode n = strip(Json.MAPPER.readTree(line));
      m.put(n.get("key").asText(), n);
    }
    return m;
  }

  private static JsonNode strip(JsonNode n) {
    if (n.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> it = ((ObjectNode) n).fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        if (TIMING.contains(e.getKey())) {
          it.remove();
        } else {
          strip(e.getValue());
        }
      }
    } else if (n.isArray()) {
      n.forEach(SparkEquivalenceTest::strip);
    }
    return n;
  }

  /** CSV rows without the timing columns. */
  private static List<List<String>> csv(Path f) {
    try {
      List<String> lines = Files.readAllLines(f);
      String[] head = lines.get(0).split(",", -1);
      List<List<String>> rows = new ArrayList<>();
      for (String line : lines) {
        String[] cells = line.split(",", -1);
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < cells.length; i++) {
          if (i >= head.length || !(TIMING.contains(head[i]) || head[i].startsWith("cpuSeconds"))) {
            kept.add(cells[i]);
          }
        }
        rows.add(kept);
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
