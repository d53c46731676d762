package twostage.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import twostage.data.DataSummary;
import twostage.experiments.DataPlanStudy;
import twostage.experiments.LimitSpec;
import twostage.experiments.PlanStudy;
import twostage.report.DataView;
import twostage.report.Json;
import twostage.spi.CaseStudy;
import twostage.theory.Crossover;
import twostage.theory.PretrainingPlan;

/**
 * {@code twostage plan MODEL --n N [--target-ratio R] [--m M]}: how many unlabeled samples make the
 * expected excess risk within R of the floor σ² d_eff, and whether pre-training beats the
 * downstream-only baseline at the user's m.
 */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = {
      "How many unlabeled samples m do you need, and does pre-training pay at yours?",
      "m = alpha n with alpha = E||L||^2 / ((ratio - 1) sigma^2 d_eff), and a comparison with downstream-"
          + "only least squares (sigma^2 d_base) at your m. Asymptotic (Theorem 5.1, end of Section 5)."
    })
public final class PlanCommand extends ModelCommand {
  /** The command, for every model. */
  public PlanCommand() {
    super(Face::new);
  }

  /** {@code twostage plan MODEL}. */
  @Command(mixinStandardHelpOptions = true)
  static final class Face extends DataFace {
    @Option(names = "--n", converter = Counts.class, paramLabel = "N",
        description = "Number of labeled samples n (>= 1); required unless --unlabeled/--labeled give data.")
    Long n;

    @Option(names = "--target-ratio", defaultValue = "1.1", paramLabel = "R",
        description = "Acceptable E[n(R - sigma^2)] / (sigma^2 d_eff), > 1 (default: ${DEFAULT-VALUE}).")
    double targetRatio;

    @Option(names = "--m", converter = Counts.class, paramLabel = "M",
        description = "Your number of unlabeled samples m (>= 1): does pre-training pay at it?")
    Long m;

    @Option(names = "--rank-tolerance", defaultValue = "1e-9", paramLabel = "T",
        description = "Relative eigenvalue tolerance for d_base (default: ${DEFAULT-VALUE}).")
    double rankTolerance;

    Face(CaseStudy study) {
      super(study);
    }

    @Override
    public Integer call() {
      if (data.given()) {
        DataPlanStudy.Result r = DataRun.run(this, data, run, rankTolerance, "--n", "--m");
        DataSummary s = DataSummary.of(r, Double.NaN, targetRatio, data.level, LimitSpec.DEFAULT_LEVELS);
        spec.commandLine().getOut().println(run.json() ? Json.pretty(DataView.json(r, s, true))
            : DataView.table(r, s, true));
        return 0;
      }
      if (n == null) {
        throw new IllegalArgumentException("--n is required (the number of labeled samples), unless "
            + "--unlabeled and --labeled give data");
      }
      PlanStudy.Spec ps = new PlanStudy.Spec(model(), n, targetRatio, m == null ? -1 : m, rankTolerance, run.seed);
      PlanStudy.Result r = run.execute(ex -> PlanStudy.run(ps, ex.runner()));
      PretrainingPlan p = r.plan();
      if (!run.json()) {
        spec.commandLine().getOut().println(p.explain());
        return 0;
      }
      Crossover c = p.crossover();
      ObjectNode j = Json.object();
      j.put("model", study.name());
      j.set("params", Json.MAPPER.valueToTree(r.parameters()));
      j.put("n", n);
      j.put("targetRatio", targetRatio);
      j.put("sigma2", c.sigma2());
      j.put("dEff", c.dEff());
      j.put("dBase", c.dBase());
      j.put("interactionMean", r.limit().mean().value());
      j.put("interactionStdError", r.limit().mean().stdError());
      j.put("floor", c.floor());
      j.put("downstreamOnly", c.downstreamOnly());
      j.put("reparametrisationOnly", c.reparametrisationOnly());
      j.put("alpha0", c.alpha0());
      j.put("mCrossover", p.mCrossover());
      j.put("alphaNeeded", p.alphaNeeded());
      j.put("mNeeded", p.mNeeded());
      if (p.hasUserM()) {
        ObjectNode u = j.putObject("atUserM");
        u.put("m", p.userM());
        u.put("alpha", p.userAlpha());
        u.put("expectedScaledExcess", p.userTwoStage());
        u.put("ratioToFloor", p.userRatio());
        u.put("pretrainingPays", p.userPretrainingPays());
      }
      j.set("warnings", Json.MAPPER.valueToTree(p.warnings()));
      j.put("explanation", p.explain());
      spec.commandLine().getOut().println(Json.pretty(j));
      return 0;
    }
  }
}
