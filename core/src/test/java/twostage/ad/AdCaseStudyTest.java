package twostage.ad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import twostage.exec.SequentialRunner;
import twostage.experiments.LargeMSpec;
import twostage.experiments.LargeMStudy;
import twostage.experiments.LimitResult;
import twostage.experiments.LimitSpec;
import twostage.experiments.LimitStudy;
import twostage.experiments.LocalExecutor;
import twostage.experiments.ModelSpec;
import twostage.experiments.Models;
import twostage.experiments.Progress;
import twostage.spi.CaseStudy;
import twostage.spi.Parameter;
import twostage.spi.Parameter.Role;
import twostage.spi.Registry;
import twostage.spi.Settings;

/** An AD model registered through {@link AdCaseStudy}: the generic studies run it like a built-in one. */
class AdCaseStudyTest {

  /** The ring model as a case study, with a closed-form estimator a user could supply. */
  static final class RingStudy extends AdCaseStudy {
    RingStudy() {
      super("ring", "core's test model");
    }

    @Override
    protected List<Parameter> instanceParameters() {
      return List.of(Parameter.choice("--variant", "plain", List.of("plain", "not-equivariant"), Role.INSTANCE,
          "Which ring model."));
    }

    @Override
    protected DifferentiableModel model(Settings s) {
      return new RingModel(s.choice("--variant").equals("plain")
          ? RingModel.Variant.PLAIN : RingModel.Variant.NOT_EQUIVARIANT);
    }

    @Override
    protected List<Parameter> pipelineParameters() {
      return List.of(Parameter.choice("--estimator", "newton", List.of("newton", "closed-form"), Role.PIPELINE,
          "newton (the default estimator) or closed-form (w = (sqrt(mean z), 0))."));
    }

    @Override
    protected PretrainingEstimator estimator(ResolvedModel r, Settings s) {
      if (s.choice("--estimator").equals("newton")) {
        return super.estimator(r, s);
      }
      return (UniformRandomProvider rng, int m) -> {
        double[] z = new double[m];
        r.model().samplePretraining(rng, m, z);
        double mean = java.util.Arrays.stream(z).average().orElseThrow();
        return new PretrainingFit(new double[] {Math.sqrt(Math.max(mean, 0)), 0}, mean > 0, 0, 0, 0);
      };
    }
  }

  @BeforeAll
  static void register() {
    List<CaseStudy> all = new ArrayList<>(Registry.standard().all());
    all.add(new RingStudy());
    Models.use(Registry.of(all));
  }

  @AfterAll
  static void restore() {
    Models.use(Registry.standard());
  }

  private static ModelSpec ring(String... options) {
    Map<String, String> given = new LinkedHashMap<>();
    given.put("--samples", "200000");
    given.put("--pilot-samples", "5000");
    given.put("--population-samples", "20000");
    for (int i = 0; i < options.length; i += 2) {
      given.put(options[i], options[i + 1]);
    }
    return ModelSpec.of(Models.registry().get("ring"), given, null, null);
  }

  @Test
  void theLimitStudyGivesTheClosedForm() {
    LimitResult r = LimitStudy.run(new LimitSpec(ring(), 2.0, LimitSpec.DEFAULT_LEVELS, 3), new SequentialRunner());
    assertThat(r.sigma2()).isEqualTo(0.25);
    assertThat(r.estimate().interaction().dEff()).isEqualTo(1);
    assertThat(r.estimate().details()).containsEntry("orbitDimension", 1).containsEntry("orbitSource", "declared");
    assertThat(Math.abs(r.estimate().mean().value() - RingModel.INTERACTION))
        .isLessThan(3 * r.estimate().mean().stdError());
  }

  @Test
  void theDefaultInstanceFileHoldsTheOptionsAndRoundTrips() {
    CaseStudy study = Models.registry().get("ring");
    Map<String, Object> file = ring().instance().toFile();
    assertThat(file).containsExactly(Map.entry("variant", "plain"));
    var back = study.read(file, "ring.json");
    assertThat(back.toFile()).isEqualTo(file);
    assertThat(back.sigma2()).isEqualTo(0.25);
    assertThatThrownBy(() -> study.read(Map.of("varaint", "plain"), "typo.json"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("typo.json").hasMessageContaining("varaint").hasMessageContaining("known: variant");
    assertThatThrownBy(() -> study.read(Map.of("variant", "round"), "bad.json"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bad.json").hasMessageContaining("'variant'").hasMessageContaining("plain, not-equivariant");
    assertThat(AdCaseStudy.fieldName(Parameter.real("--sigma-nu", 1, ""))).isEqualTo("sigmaNu");
  }

  @Test
  void aModelWhereTheTheoryDoesNotApplyIsRefusedBeforeAnyLaw() {
    ModelSpec broken = ring("--variant", "not-equivariant");
    assertThatThrownBy(() -> LimitStudy.run(new LimitSpec(broken, 1.0, LimitSpec.DEFAULT_LEVELS, 3),
        new SequentialRunner()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("features are not equivariant");
    assertThatThrownBy(broken::pipeline).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("features are not equivariant");
  }

  @Test
  void theLargeMCheckRunsTheChosenEstimatorAndAgreesWithTheLaw() {
    LargeMStudy.Result newton;
    LargeMStudy.Result closed;
    try (LocalExecutor ex = new LocalExecutor(2)) {
      newton = LargeMStudy.run(new LargeMSpec(ring(), 2_000, 200, 11), null, ex, Progress.NONE);
      closed = LargeMStudy.run(new LargeMSpec(ring("--estimator", "closed-form"), 2_000, 200, 11), null, ex,
          Progress.NONE);
    }
    System.out.printf("ring check: mean %s vs law %s (z %.2f), KS %.4f (5%% critical %.4f)%n", newton.mean(),
        newton.limit().estimate().mean(), newton.meanZ(), newton.ks(), newton.ksCritical5());
    assertThat(newton.notConverged()).isZero();
    assertThat(newton.ks()).isLessThan(newton.ksCritical5());
    assertThat(Math.abs(newton.meanZ())).isLessThan(3);
    // the same draws minimised by Newton and in closed form: the same m Rep(w_m), replicate by replicate
    for (int i = 0; i < 200; i++) {
      assertThat(closed.scaledRep()[i]).isCloseTo(newton.scaledRep()[i],
          org.assertj.core.data.Offset.offset(1e-6 * (1 + newton.scaledRep()[i])));
    }
    assertThat(newton.spec().model().pipeline().notes().get(0)).contains("damped Newton");
  }
}
