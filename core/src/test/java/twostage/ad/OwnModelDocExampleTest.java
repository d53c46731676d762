package twostage.ad;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.hipparchus.CalculusFieldElement;
import org.junit.jupiter.api.Test;
import java.util.List;
import java.util.Map;
import twostage.exec.SequentialRunner;
import twostage.experiments.LimitResult;
import twostage.experiments.LimitSpec;
import twostage.experiments.LimitStudy;
import twostage.experiments.ModelSpec;
import twostage.experiments.Models;
import twostage.spi.Parameter;
import twostage.spi.Registry;
import twostage.spi.Settings;
import twostage.theory.LimitLaw;

/** The complete example of docs/own-model.md, checked against its closed form E‖L(Z)‖² = 3^{-3/2}. */
class OwnModelDocExampleTest {

  /** MLE of the mean of N(w, 1); Gaussian-bump feature exp(−(x − w)²/2); θ⋆ = 1, w⋆ = 0, x ~ N(0, 1). */
  static class GaussianBump implements DifferentiableModel {
    @Override public String name() { return "gaussian-bump"; }
    @Override public int parameterDimension() { return 1; }
    @Override public int featureDimension() { return 1; }
    @Override public int sampleDimension() { return 1; }
    @Override public int inputDimension() { return 1; }

    @Override
    public <T extends CalculusFieldElement<T>> T loss(T[] w, double[] z) {
      return w[0].subtract(z[0]).square().multiply(0.5); // ℓ(w; z) = (z − w)²/2
    }

    @Override
    public <T extends CalculusFieldElement<T>> T[] features(T[] w, double[] x) {
      T[] psi = w.clone();
      psi[0] = w[0].negate().add(x[0]).square().multiply(-0.5).exp(); // exp(−(x − w)²/2)
      return psi;
    }

    @Override
    public void samplePretraining(UniformRandomProvider rng, int count, double[] out) {
      ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
      for (int i = 0; i < count; i++) {
        out[i] = g.sample(); // z ~ N(w⋆, 1), w⋆ = 0
      }
    }

    @Override
    public void sampleDownstream(UniformRandomProvider rng, int count, double[] out) {
      samplePretraining(rng, count, out); // x ~ N(0, 1)
    }

    @Override public double[] readout() { return new double[] {1}; }
    @Override public double noiseVariance() { return 0.25; }
    @Override public double[] truth() { return new double[] {0}; }
    @Override public boolean isMaximumLikelihood() { return true; }
  }

  /** The doc's registration: every command for the model, from four methods. */
  public static final class GaussianBumpStudy extends AdCaseStudy {
    public GaussianBumpStudy() { super("gaussian-bump", "Gaussian mean by maximum likelihood; one Gaussian-bump feature."); }
    @Override protected List<Parameter> instanceParameters() { return List.of(); }
    @Override protected DifferentiableModel model(Settings settings) { return new GaussianBump(); }
  }

  @Test
  void theRegisteredStudyHasTheSameLaw() {
    Registry before = Models.registry();
    Models.use(Registry.of(List.of(new GaussianBumpStudy())));
    try {
      ModelSpec spec = ModelSpec.of(Models.registry().get("gaussian-bump"),
          Map.of("--pretraining-samples", "200000", "--samples", "1000000"), null, null);
      LimitResult r = LimitStudy.run(new LimitSpec(spec, 2.0, LimitSpec.DEFAULT_LEVELS, 1), new SequentialRunner());
      double exact = Math.pow(3, -1.5);
      assertThat(r.sigma2()).isEqualTo(0.25);
      assertThat(Math.abs(r.estimate().mean().value() - exact)).isLessThan(3 * r.estimate().mean().stdError());
    } finally {
      Models.use(before);
    }
  }

  @Test
  void derivedLawMatchesTheClosedForm() {
    ModelLaw law = ModelAnalysis.run(new GaussianBump(),
        AnalysisOptions.defaults().withSamples(200_000, 1_000_000), 1, new SequentialRunner());
    double exact = Math.pow(3, -1.5);
    assertThat(Math.abs(law.interactionMean().value() - exact)).isLessThan(3 * law.interactionMean().stdError());
    assertThat(law.interactionMean().stdError()).isLessThan(0.01 * exact);
    assertThat(law.interaction().dEff()).isEqualTo(1);
    assertThat(law.diagnostics().orbit().dimension()).isZero();
    LimitLaw limit = law.law(2.0);
    assertThat(limit.mean()).isCloseTo(0.25 + law.interaction().weights()[0] / 2, org.assertj.core.data.Offset.offset(1e-12));
  }
}
