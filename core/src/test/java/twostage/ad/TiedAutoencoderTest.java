package twostage.ad;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import twostage.ad.examples.TiedAutoencoder;
import twostage.exec.SequentialRunner;
import twostage.stats.WeightedChiSquare;

class TiedAutoencoderTest {

  @Test
  void lawMatchesItsOwnEstimatorAtLargeM() {
    TiedAutoencoder model = TiedAutoencoder.example();
    SequentialRunner runner = new SequentialRunner();
    AnalysisOptions options = AnalysisOptions.defaults().withSamples(200_000, 200_000).withPilot(20_000, 20_000);
    ResolvedModel resolved = ModelAnalysis.resolve(model, options, 5, runner);

    assertThat(resolved.truthSearch().converged()).isTrue();
    assertThat(resolved.truthSearch().gradientNorm()).isLessThan(1e-10);
    assertThat(resolved.readout().residual()).isLessThan(1e-20);
    ModelDiagnostics diag = resolved.diagnostics();
    assertThat(diag.orbit().source()).isEqualTo(Orbit.Source.DECLARED);
    assertThat(diag.orbit().dimension()).isEqualTo(1);
    assertThat(diag.orbit().nullity()).isEqualTo(1);
    assertThat(diag.orbit().declaredMismatch()).isLessThan(1e-6);
    assertThat(diag.orbit().gap()).isGreaterThan(1e6);
    assertThat(diag.regular()).isTrue();

    ModelLaw law = ModelAnalysis.law(resolved, options, 5, runner);
    assertThat(law.interaction().dEff()).isEqualTo(2);
    WeightedChiSquare limit = law.law(1).interaction();

    int replicates = 400;
    LargeMSample sample = LargeMSample.run(resolved.twoStage(2), 100_000, replicates, 9, runner, limit::cdf);
    assertThat(sample.notConverged()).isZero();
    assertThat(sample.kolmogorov()).isLessThan(sample.criticalValue());
    double se = Math.hypot(sample.mean().stdError(), law.interactionMean().stdError());
    assertThat(Math.abs(sample.mean().value() - law.interactionMean().value())).isLessThan(4 * se);
    System.out.printf("autoencoder: E||L||^2 = %s, large-m mean %s, KS %.4f (critical %.4f), weights %s%n",
        law.interactionMean(), sample.mean(), sample.kolmogorov(), sample.criticalValue(),
        java.util.Arrays.toString(law.interaction().weights()));
  }
}
