package twostage.ad;

import org.apache.commons.rng.UniformRandomProvider;
import twostage.simulate.DesignMoments;
import twostage.simulate.FeatureSampler;
import twostage.simulate.FitDiagnostics;
import twostage.simulate.LearnedRepresentation;
import twostage.simulate.Moments;
import twostage.simulate.PopulationMoments;
import twostage.simulate.TwoStageModel;

/**
 * A {@link DifferentiableModel} in the simulator: pre-training by a {@link PretrainingEstimator}, the
 * features ψ(x; ŵ_m), the target f⋆(x) = ⟨θ⋆, ψ(x; w⋆)⟩ and σ². The learned representation is the
 * model's own ({@link DifferentiableModel#representation}) when it gives one, else Monte Carlo:
 * Σ, a and Rep from {@code populationSamples} draws (Rep with its standard error).
 */
public final class AdTwoStageModel implements TwoStageModel {
  private final DifferentiableModel model;
  private final Derivatives derivatives;
  private final double[] truth;
  private final double[] theta;
  private final PretrainingEstimator estimator;
  private final long populationSamples;

  /**
   * @param truth w⋆
   * @param theta θ⋆ (with w⋆, defines f⋆ = ⟨θ⋆, ψ(·; w⋆)⟩)
   * @param populationSamples draws behind the Monte Carlo population moments (≥ 2)
   */
  public AdTwoStageModel(
      DifferentiableModel model, Derivatives derivatives, double[] truth, double[] theta,
      PretrainingEstimator estimator, long populationSamples) {
    if (populationSamples < 2) {
      throw new IllegalArgumentException("populationSamples must be >= 2, got " + populationSamples);
    }
    this.model = model;
    this.derivatives = derivatives;
    this.truth = truth.clone();
    this.theta = theta.clone();
    this.estimator = estimator;
    this.populationSamples = populationSamples;
  }

  @Override
  public String name() {
    return model.name();
  }

  @Override
  public int featureDimension() {
    return model.featureDimension();
  }

  @Override
  public double noiseVariance() {
    return model.noiseVariance();
  }

  @Override
  public java.util.List<String> notes() {
    boolean exact = model.representation(truth.clone(), truth.clone(), theta.clone(),
        new FitDiagnostics(true, false, 0, 0)) != null;
    return java.util.List.of("pre-training: " + estimator.description(),
        exact ? "population moments and Rep of the learned features in closed form (the model's representation)"
            : "population moments and Rep by Monte Carlo, " + populationSamples + " draws from mu_down per replicate");
  }

  /** The pre-training fit alone. */
  public PretrainingFit fit(UniformRandomProvider rng, int m) {
    return estimator.fit(rng, m);
  }

  @Override
  public LearnedRepresentation pretrain(UniformRandomProvider rng, int m) {
    PretrainingFit fit = estimator.fit(rng, m);
    FitDiagnostics diag = new FitDiagnostics(fit.converged(), false, Double.NaN, fit.iterations());
    LearnedRepresentation own = model.representation(fit.w(), truth.clone(), theta.clone(), diag);
    return own != null ? own : representation(fit.w(), diag);
  }

  /** The Monte Carlo representation of the features at w. */
  public LearnedRepresentation representation(double[] w, FitDiagnostics diag) {
    FeatureSampler sampler = features(w);
    return new LearnedRepresentation() {
      @Override
      public FitDiagnostics diagnostics() {
        return diag;
      }

      @Override
      public DesignMoments design(UniformRandomProvider rng, int n) {
        return Moments.design(sampler, rng, n);
      }

      @Override
      public PopulationMoments population(UniformRandomProvider rng) {
        return Moments.monteCarlo(sampler, rng, populationSamples);
      }
    };
  }

  /** Draws (ψ(x; w), f⋆(x)) for x ~ µ_down. */
  public FeatureSampler features(double[] w) {
    int p = model.featureDimension();
    int dx = model.inputDimension();
    double[] at = w.clone();
    return new FeatureSampler() {
      @Override
      public int featureDimension() {
        return p;
      }

      @Override
      public void draw(UniformRandomProvider rng, int count, double[] features, double[] target) {
        double[] x = new double[count * dx];
        model.sampleDownstream(rng, count, x);
        double[] xi = new double[dx];
        double[] psi = new double[p];
        double[] star = new double[p];
        for (int i = 0; i < count; i++) {
          System.arraycopy(x, i * dx, xi, 0, dx);
          derivatives.featureValues(at, xi, psi);
          derivatives.featureValues(truth, xi, star);
          System.arraycopy(psi, 0, features, i * p, p);
          double f = 0;
          for (int a = 0; a < p; a++) {
            f += theta[a] * star[a];
          }
          target[i] = f;
        }
      }
    };
  }
}
