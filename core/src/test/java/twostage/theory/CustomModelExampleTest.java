package twostage.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import twostage.exec.SequentialRunner;
import twostage.stats.Estimate;

/**
 * The README's "plug in your own model" example, checked against its closed form. Pre-training is the
 * MLE of the mean w of N(w, 1) (Fisher information 1, so V = 1); the representation is a Gaussian bump
 * ψ(x, w) = exp(−(x − w)²/2), θ⋆ = 1, w⋆ = 0, downstream x ~ N(0, 1). Then J(x) = x·exp(−x²/2),
 * E[ψJ] = 0 by symmetry, so G = E[J²] = E[x²e^{−x²}] = 3^{−3/2} and ‖L(Z)‖² = 3^{−3/2}·χ²₁.
 */
class CustomModelExampleTest {

  /** ψ and J of the bump model at w⋆ = 0 for x ~ N(0, 1). */
  static final class BumpDownstream implements DownstreamSampler {
    @Override
    public int featureDimension() {
      return 1;
    }

    @Override
    public int parameterDimension() {
      return 1;
    }

    @Override
    public void sample(UniformRandomProvider rng, int count, double[] features, double[] jacobians) {
      ContinuousSampler normal = ZigguratSampler.NormalizedGaussian.of(rng);
      for (int n = 0; n < count; n++) {
        double x = normal.sample();
        double psi = Math.exp(-0.5 * x * x);
        features[n] = psi;
        jacobians[n] = x * psi;
      }
    }
  }

  @Test
  void monteCarloEngineMatchesTheClosedForm() {
    PretrainingMoments pre = PretrainingMoments.fisher(new DMatrixRMaj(new double[][] {{1.0}}));
    InteractionEstimate est = MonteCarloInteraction.estimate(
        new AsymptoticEngine(), pre, new BumpDownstream(), 1_000_000, null, 20, 1, new SequentialRunner());
    Estimate mean = est.interactionMean();
    double exact = Math.pow(3, -1.5);
    // fixed seed; 4 standard errors: a correct engine fails with probability < 1e-4
    assertThat(mean.value()).isCloseTo(exact, offset(4 * mean.stdError()));
    assertThat(mean.stdError()).isLessThan(0.01 * exact);
    assertThat(est.interaction().dEff()).isEqualTo(1);
    assertThat(est.interaction().weights()[0]).isCloseTo(exact, offset(5 * mean.stdError()));

    LimitLaw law = new LimitLaw(0.25, est.interaction().dEff(), 2.0, est.interaction().weights());
    // E_α = σ²d_eff + α⁻¹ λ χ²₁: its median is σ² + λ·0.45494/α (χ²₁ median 0.454936)
    assertThat(law.quantile(0.5)).isCloseTo(0.25 + 0.5 * exact * 0.4549364231, offset(1e-3));
  }
}
