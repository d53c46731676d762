package twostage.ad;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import twostage.exec.SequentialRunner;

/** The paths without closed forms: w⋆ from a sample, H from per-sample Hessians, orbit from S. */
class SampledPathsTest {

  @Test
  void truthFoundOnASampleReportsItsGradient() {
    DifferentiableModel bump = new OwnModelDocExampleTest.GaussianBump() {
      @Override
      public double[] truth() {
        return null;
      }

      @Override
      public double[] initialGuess() {
        return new double[] {0.3};
      }
    };
    AnalysisOptions opt = new AnalysisOptions(20_000, 20_000, 100_000, 200_000, 20, 1e-8, 1e-6, 100_000);
    ResolvedModel r = ModelAnalysis.resolve(bump, opt, 4, new SequentialRunner());
    assertThat(r.truthSearch().converged()).isTrue();
    assertThat(r.truthSearch().gradientNorm()).isLessThan(1e-10);
    assertThat(Math.abs(r.truth()[0])).isLessThan(5 / Math.sqrt(100_000)); // the sample mean of N(0, 1)
    assertThat(r.diagnostics().gradientExact()).isFalse();
    assertThat(r.diagnostics().gradientStatistic()).isLessThan(r.diagnostics().gradientThreshold());
  }

  @Test
  void sampledHessianAndOrbitFromTheScoresGiveTheSameLaw() {
    AnalysisOptions opt = AnalysisOptions.defaults().withSamples(200_000, 200_000).withPilot(20_000, 5_000);
    SequentialRunner runner = new SequentialRunner();
    ModelLaw sampled = ModelAnalysis.run(new RingModel(RingModel.Variant.SAMPLED), opt, 8, runner);
    ModelDiagnostics d = sampled.diagnostics();
    assertThat(d.orbit().source()).isEqualTo(Orbit.Source.SCORE_NULL_SPACE);
    assertThat(d.orbit().dimension()).isEqualTo(1);
    assertThat(d.orbit().gap()).isGreaterThan(1e8);
    assertThat(d.hessianOrbitResidual()).isGreaterThan(0).isLessThan(0.05); // Monte Carlo noise of H on the orbit
    ModelLaw exact = ModelAnalysis.run(new RingModel(), opt, 9, runner);
    assertThat(exact.diagnostics().orbit().source()).isEqualTo(Orbit.Source.DECLARED);
    for (ModelLaw law : new ModelLaw[] {sampled, exact}) {
      assertThat(law.interaction().dEff()).isEqualTo(1);
      assertThat(Math.abs(law.interactionMean().value() - RingModel.INTERACTION))
          .isLessThan(3 * law.interactionMean().stdError());
    }
    double se = Math.hypot(sampled.interactionMean().stdError(), exact.interactionMean().stdError());
    assertThat(Math.abs(sampled.interactionMean().value() - exact.interactionMean().value())).isLessThan(3 * se);
  }

  @Test
  void truthFoundOnASampleWithASymmetry() {
    AnalysisOptions opt = new AnalysisOptions(5_000, 5_000, 100_000, 100_000, 20, 1e-8, 1e-6, 100_000);
    ResolvedModel r = ModelAnalysis.resolve(new RingModel(RingModel.Variant.SEARCHED), opt, 4, new SequentialRunner());
    assertThat(r.truthSearch().converged()).isTrue();
    double radius2 = r.truth()[0] * r.truth()[0] + r.truth()[1] * r.truth()[1];
    // |w|^2 = the sample mean of z ~ N(1, tau^2) over the truth search's sample
    double se = Math.sqrt(RingModel.TAU2 / opt.truthSamples());
    assertThat(Math.abs(radius2 - 1)).isLessThan(5 * se);
    assertThat(r.diagnostics().orbit().dimension()).isEqualTo(1);
  }
}
