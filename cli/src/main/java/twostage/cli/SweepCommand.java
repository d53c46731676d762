package twostage.cli;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import twostage.experiments.ModelSpec;
import twostage.experiments.SweepSpec;
import twostage.experiments.SweepStudy;
import twostage.report.Json;
import twostage.report.SweepView;
import twostage.spi.CaseStudy;

/** {@code twostage sweep MODEL --vary OPTION --values ...}: the limit along one parameter. */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    description = {
      "E||L(Z)||^2 of a model along one of its numeric options.",
      "One resumable task per value, run in parallel; each point is appended to DIR/results.jsonl as soon "
          + "as it is done and a rerun with the same arguments computes only what is missing."
    })
public final class SweepCommand extends ModelCommand {
  /** The command, for every model. */
  public SweepCommand() {
    super(Face::new);
  }

  /** {@code twostage sweep MODEL}. */
  @Command(mixinStandardHelpOptions = true)
  static final class Face extends ModelFace {
    @Option(names = "--vary", required = true, paramLabel = "OPTION",
        description = "The option to sweep, e.g. --d (any numeric option of the model).")
    String vary;

    @Option(names = "--values", required = true, paramLabel = "VALUES",
        description = "Values: a list 2,3,5 | a range START..END | a geometric grid geom:A,B,N.")
    String values;

    @Option(names = "--alpha", defaultValue = "2", paramLabel = "A", description = "alpha = m/n (default: ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--out", required = true, paramLabel = "DIR",
        description = "Output directory (results.jsonl, manifest.json, sweep.csv).")
    Path out;

    @Mixin RunOptions run;

    Face(CaseStudy study) {
      super(study);
    }

    @Override
    public Integer call() {
      String option = vary.startsWith("--") ? vary : "--" + vary;
      if (typed(option) != null) {
        throw new IllegalArgumentException(option + " must not be given with --vary " + option + " (it is swept)");
      }
      ModelSpec m = model();
      twostage.spi.Parameter p;
      try {
        p = m.parameter(option);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--vary: " + e.getMessage(), e);
      }
      boolean integer = p.kind() != twostage.spi.Parameter.Kind.REAL;
      java.util.List<String> vals = ValueSpec.parse(values, integer).stream()
          .map(v -> integer ? Long.toString(Math.round(v)) : Double.toString(v)).toList();
      SweepSpec ss = new SweepSpec(m, option, vals, alpha, run.seed);
      OutputDirectory.usable("--out", out);
      SweepStudy.Result r = run.execute((ex, progress) -> SweepStudy.run(ss, out, ex, progress));
      SweepView.writeCsv(out.resolve("sweep.csv"), r.points());
      var w = spec.commandLine().getOut();
      if (run.json()) {
        var arr = Json.MAPPER.createArrayNode();
        r.points().forEach(x -> arr.add(SweepView.row(x)));
        w.println(Json.pretty(arr));
      } else {
        w.println(SweepView.table(r, out));
      }
      return 0;
    }
  }
}
