package twostage.ad;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.rng.UniformRandomProvider;
import org.hipparchus.CalculusFieldElement;
import org.junit.jupiter.api.Test;
import twostage.ad.examples.TiedAutoencoder;
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
    TiedAutoencoder base = TiedAutoencoder.example();
    DifferentiableModel plain = new DifferentiableModel() {
      @Override public String name() { return "autoencoder-sampled"; }
      @Override public int parameterDimension() { return base.parameterDimension(); }
      @Override public int featureDimension() { return base.featureDimension(); }
      @Override public int sampleDimension() { return base.sampleDimension(); }
      @Override public int inputDimension() { return base.inputDimension(); }
      @Override public <T extends CalculusFieldElement<T>> T loss(T[] w, double[] z) { return base.loss(w, z); }
      @Override public <T extends CalculusFieldElement<T>> T[] features(T[] w, double[] x) { return base.features(w, x); }
      @Override public void samplePretraining(UniformRandomProvider g, int c, double[] o) { base.samplePretraining(g, c, o); }
      @Override public void sampleDownstream(UniformRandomProvider g, int c, double[] o) { base.sampleDownstream(g, c, o); }
      @Override public double[] readout() { return new double[] {1, -0.7}; }
      @Override public double noiseVariance() { return base.noiseVariance(); }
      @Override public double[] truth() { return base.principal(); }
    };
    AnalysisOptions opt = AnalysisOptions.defaults().withSamples(200_000, 200_000).withPilot(20_000, 5_000);
    SequentialRunner runner = new SequentialRunner();
    ModelLaw sampled = ModelAnalysis.run(plain, opt, 8, runner);
    ModelDiagnostics d = sampled.diagnostics();
    assertThat(d.orbit().source()).isEqualTo(Orbit.Source.SCORE_NULL_SPACE);
    assertThat(d.orbit().dimension()).isEqualTo(1);
    assertThat(d.orbit().gap()).isGreaterThan(1e8);
    assertThat(d.hessianOrbitResidual()).isGreaterThan(0).isLessThan(0.05); // Monte Carlo noise of H on the orbit
    ModelLaw exact = ModelAnalysis.run(base, opt, 9, runner);
    double se = Math.hypot(sampled.interactionMean().stdError(), exact.interactionMean().stdError());
    assertThat(Math.abs(sampled.interactionMean().value() - exact.interactionMean().value())).isLessThan(3 * se);
  }
}
