package twostage.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code twostage reproduce}: the main job — a quick (or full) reproduction of the paper's results,
 * each step a twostage command whose JSON is kept in the output directory, summarised in
 * {@code report.md} and {@code index.html}. A step whose JSON exists with the same arguments is not
 * rerun, so an interrupted reproduction resumes.
 */
@Command(
    name = "reproduce",
    mixinStandardHelpOptions = true,
    description = "Reproduce the paper's results (Figure 2, Corollaries 6.3/6.4, prior-art comparisons, ...) with a report.")
public final class ReproduceCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--preset", defaultValue = "quick", description = "quick (a few minutes) or paper (full sizes).")
  String preset;

  @Option(names = "--out", defaultValue = "report", description = "Output directory (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--threads", description = "Threads (default: all processors).")
  Integer threads;

  /** One command of the reproduction. */
  record Step(String name, String title, List<String> args, boolean json) {}

  @Override
  public Integer call() {
    Check.rule(spec, preset.equals("quick") || preset.equals("paper"),
        "--preset must be quick or paper, got " + preset);
    boolean quick = preset.equals("quick");
    List<Step> steps = steps(quick);
    PrintWriter log = spec.commandLine().getErr();
    ArrayNode summary = Json.MAPPER.createArrayNode();
    try {
      Files.createDirectories(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + out, e);
    }
    int failed = 0;
    for (Step s : steps) {
      Path json = out.resolve(s.name() + (s.json() ? ".json" : ".txt"));
      Path argsFile = out.resolve(s.name() + ".args");
      String argLine = String.join(" ", s.args());
      ObjectNode entry = summary.addObject();
      entry.put("name", s.name());
      entry.put("title", s.title());
      entry.put("command", "twostage " + argLine);
      if (Files.exists(json) && argLine.equals(read(argsFile))) {
        log.printf(Locale.ROOT, "[reproduce] %-22s done already (%s)%n", s.name(), json);
        entry.put("resumed", true);
        continue;
      }
      log.printf(Locale.ROOT, "[reproduce] %-22s twostage %s%n", s.name(), argLine);
      log.flush();
      long t0 = System.nanoTime();
      StringWriter so = new StringWriter();
      StringWriter se = new StringWriter();
      CommandLine cl = Main.commandLine();
      cl.setOut(new PrintWriter(so, true));
      cl.setErr(new PrintWriter(se, true));
      int code = cl.execute(s.args().toArray(new String[0]));
      double secs = (System.nanoTime() - t0) / 1e9;
      entry.put("seconds", secs);
      if (code != 0) {
        failed++;
        entry.put("error", se.toString().strip());
        log.printf(Locale.ROOT, "[reproduce] %s FAILED (exit %d): %s%n", s.name(), code, se.toString().strip());
        continue;
      }
      write(json, so.toString());
      write(argsFile, argLine);
      log.printf(Locale.ROOT, "[reproduce] %-22s %.1f s%n", s.name(), secs);
    }
    String md = ReproduceReport.markdown(out, steps, quick);
    write(out.resolve("report.md"), md);
    write(out.resolve("index.html"), ReproduceReport.html(md));
    write(out.resolve("steps.json"), Json.pretty(summary));
    spec.commandLine().getOut().println(md);
    log.printf(Locale.ROOT, "[reproduce] report: %s%n", out.resolve("report.md"));
    return failed == 0 ? 0 : 1;
  }

  private List<Step> steps(boolean quick) {
    List<Step> s = new ArrayList<>();
    String t = threads == null ? null : threads.toString();
    String fisher = "100000";
    String samples = "1000000";
    s.add(step("gmm-fig2a-K2", "Figure 2(a) point K = 2 (d = 30, beta = 2)", t,
        "limit", "gmm", "--K", "2", "--d", "30", "--beta", "2", "--fisher-samples", fisher, "--samples", samples));
    s.add(step("gmm-fig2a-K4", "Figure 2(a) point K = 4 (d = 30, beta = 2)", t,
        "limit", "gmm", "--K", "4", "--d", "30", "--beta", "2", "--fisher-samples", fisher, "--samples", samples));
    s.add(new Step("figure2", "Figure 2: three sweeps with fits and the exact d-dependence",
        withThreads(t, "figure2", "--preset", quick ? "quick" : "paper", "--out", out.resolve("figure2").toString(),
            "--quiet"), false));
    s.add(new Step("validate-gmm", "Figures 3-4: finite-sample validation, mixture (K=4, d=20, beta=2, alpha=2)",
        withThreads(t, "validate", "gmm", "--preset", quick ? "quick" : "paper", "--out",
            out.resolve("validate-gmm").toString(), "--no-progress"), false));
    s.add(step("spectral-limit", "Corollary 6.3, (k, d) = (2, 4): limit", t, "limit", "spectral", "--k", "2", "--d", "4"));
    s.add(step("spectral-check", "Corollary 6.3, (k, d) = (2, 4): estimator at large m", t,
        "check", "spectral", "--k", "2", "--d", "4", "--m", quick ? "100000" : "1000000", "--reps", "1000"));
    String examples = Path.of(System.getProperty("twostage.home", ".")).resolve("examples").toString();
    s.add(step("spectral-correlated", "A non-diagonal spectral instance (examples/spectral-correlated.json): limit",
        t, "limit", "spectral", "--instance", examples + "/spectral-correlated.json"));
    s.add(step("spectral-correlated-check", "The non-diagonal instance: estimator at large m", t,
        "check", "spectral", "--instance", examples + "/spectral-correlated.json",
        "--m", quick ? "100000" : "1000000", "--reps", "1000"));
    s.add(step("spectral-compare", "Cabannes et al. (2023) vs exact, Corollary 6.3 grid", null,
        "compare", "spectral", "--out", out.resolve("plots").toString()));
    s.add(step("factor-limit", "Corollary 6.4, generated instance k = 3, d = 8: limit", t,
        "limit", "factor", "--k", "3", "--d", "8"));
    s.add(step("factor-check", "Corollary 6.4: PPCA at m = 1e6", t,
        "check", "factor", "--k", "3", "--d", "8", "--m", "1000000", "--reps", "20000"));
    s.add(new Step("validate-factor", "Finite-sample validation, factor model", withThreads(t, "validate", "factor",
        "--preset", quick ? "quick" : "paper", "--out", out.resolve("validate-factor").toString(), "--no-progress"), false));
    s.add(step("factor-compare", "Ge et al. (2024) vs exact, factor model", null,
        "compare", "factor", "--out", out.resolve("plots").toString()));
    s.add(new Step("crossover-factor", "When does pre-training pay? Factor model (k = 3, d = 8)",
        withThreads(t, "crossover", "factor", "--k", "3", "--d", "8", "--baseline-n", quick ? "100,1000" : "100,1000,10000",
            "--replicates", quick ? "300" : "1000", "--out", out.resolve("crossover-factor").toString()), false));
    s.add(new Step("crossover-spectral", "When does pre-training pay? Corollary 6.3 instance (k = 2, d = 4)",
        withThreads(t, "crossover", "spectral", "--k", "2", "--d", "4", "--out",
            out.resolve("crossover-spectral").toString()), false));
    s.add(new Step("crossover-gmm", "When does pre-training pay? Mixture (K = 4, d = 20, beta = 2)",
        withThreads(t, "crossover", "gmm", "--K", "4", "--d", "20", "--beta", "2", "--out",
            out.resolve("crossover-gmm").toString()), false));
    return s;
  }

  private static Step step(String name, String title, String threads, String... args) {
    List<String> a = withThreads(threads, args);
    a.add("--format");
    a.add("json");
    return new Step(name, title, a, true);
  }

  private static List<String> withThreads(String threads, String... args) {
    List<String> a = new ArrayList<>(List.of(args));
    if (threads != null) {
      a.add("--threads");
      a.add(threads);
    }
    return a;
  }

  static JsonNode readJson(Path p) {
    try {
      return Files.exists(p) ? Json.MAPPER.readTree(p.toFile()) : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static String read(Path p) {
    try {
      return Files.exists(p) ? Files.readString(p).strip() : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static void write(Path p, String text) {
    try {
      Files.writeString(p, text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + p, e);
    }
  }
}
