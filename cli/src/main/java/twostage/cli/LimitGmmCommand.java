package twostage.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import twostage.exec.ThreadPoolRunner;
import twostage.models.mixture.MixtureInstance;
import twostage.models.mixture.MixtureLimit;
import twostage.experiments.GmmPoint;
import twostage.models.mixture.MixtureReduction;
import twostage.models.mixture.SubspaceGeometry;
import twostage.stats.Jackknife;
import twostage.theory.Interaction;

/** {@code twostage limit gmm}: the Gaussian-mixture case study (Section 6.3, Appendices J–K). */
@Command(
    name = "gmm",
    mixinStandardHelpOptions = true,
    description = {
      "Gaussian mixture U* = beta I_{K,d}, theta* blocks ~ (1/i) 1_{d+1} (Appendix K).",
      "Fisher information and downstream moments by Monte Carlo; standard errors by the jackknife."
    })
public final class LimitGmmCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin GmmOptions gmm;

  @Option(names = "--alpha", defaultValue = "2", description = "alpha = m/n (default: ${DEFAULT-VALUE}).")
  double alpha;

  @Option(names = "--method", defaultValue = "reduced",
      description = {"reduced: exact reduction to the K(K-1) intrinsic coordinates plus d-K+1 isotropic copies",
          "(docs/gmm-dimension-reduction.md; cost independent of d); direct: the K*d-coordinate engine",
          "(default: ${DEFAULT-VALUE})."})
  GmmPoint.Method method;

  @Mixin RunOptions run;

  @Override
  public Integer call() {
    gmm.validate(spec);
    Check.positive(spec, "--alpha", alpha);
    Check.rule(spec, method != GmmPoint.Method.DIRECT || (long) gmm.k * gmm.d <= 2000,
        "--method direct needs K*d <= 2000 (memory grows like (K*d)^2), got K*d=" + (long) gmm.k * gmm.d
            + "; use --method reduced");
    MixtureInstance instance = gmm.instance();
    SubspaceGeometry geo = SubspaceGeometry.atTruth(instance.centres());
    long t0 = System.nanoTime();
    ReportedInteraction reported;
    Map<String, Object> diag = new LinkedHashMap<>();
    try (ThreadPoolRunner runner = new ThreadPoolRunner(run.threads())) {
      if (method == GmmPoint.Method.DIRECT) {
        reported = ReportedInteraction.of(MixtureLimit.compute(
            instance, gmm.fisherSamples, gmm.samples, gmm.groups(), run.seed, runner).estimate(), "fisher");
        diag.put("fisherMinEigenvalue", reported.interaction().diagnostics().get("hessianMinEigenvalue"));
      } else {
        MixtureReduction.Result red = MixtureReduction.compute(
            instance, gmm.fisherSamples, gmm.samples, gmm.groups(), run.seed, runner);
        Interaction in = red.intrinsic();
        Jackknife jack = red.total();
        Map<String, Long> samples = new LinkedHashMap<>();
        samples.put("fisher", red.fisherSamples());
        samples.put("downstream", red.downstreamSamples());
        samples.put("jackknifeGroups", (long) jack.groups());
        reported = new ReportedInteraction(new Interaction(jack.estimate(), red.weights(), in.dEff(),
            instance.components() * instance.dimension(), in.diagnostics()), jack.corrected(), jack.estimate(),
            samples);
        diag.put("fisherMinEigenvalue",
            Math.min(in.diagnostics().get("hessianMinEigenvalue"), red.isotropicFisherMinEigenvalue()));
        diag.put("intrinsicPart", red.intrinsicPart());
        diag.put("perIsotropicDirection", red.perDirectionPart());
        diag.put("isotropicMultiplicity", red.multiplicity());
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    Interaction interaction = reported.interaction();
    diag.put("subspaceRank", geo.rank());
    diag.put("eigengap", geo.eigengap());
    diag.put("featureRank", interaction.dEff());
    diag.put("featureDimension", instance.components() * (geo.rank() + 1));
    ObjectNode params = gmm.params(run.seed);
    params.put("alpha", alpha);
    params.put("method", method.name().toLowerCase(java.util.Locale.ROOT));
    LimitReport report = new LimitReport(
        "gmm", params, gmm.sigma * gmm.sigma, alpha, interaction, reported.mean(),
        reported.plugInMean(), reported.samples(), seconds, diag, null);
    spec.commandLine().getOut().println(
        run.format == OutputFormat.JSON ? Json.pretty(report.json()) : report.table());
    return 0;
  }
}
