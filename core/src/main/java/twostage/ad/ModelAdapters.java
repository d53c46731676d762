package twostage.ad;

import org.apache.commons.rng.UniformRandomProvider;
import twostage.theory.DownstreamSampler;
import twostage.theory.ScoreSampler;

/**
 * The engine's Monte Carlo inputs for a {@link DifferentiableModel} at w⋆: per-sample scores and
 * Hessians ({@link ScoreSampler}) and per-sample ψ(x; w⋆), J(x) = Kᵀθ⋆ with K = ∂ψ/∂w
 * ({@link DownstreamSampler}).
 */
public final class ModelAdapters {
  private ModelAdapters() {}

  /** The derivatives a model uses: its hand-written ones when it has them, else automatic. */
  public static Derivatives derivatives(DifferentiableModel model) {
    Derivatives hand = model.handDerivatives();
    return hand != null ? hand : new AutomaticDerivatives(model);
  }

  /** Scores (and per-sample Hessians unless the model is a declared MLE) at w. */
  public static ScoreSampler scores(DifferentiableModel model, Derivatives derivatives, double[] w) {
    int q = model.parameterDimension();
    int dz = model.sampleDimension();
    boolean mle = model.isMaximumLikelihood();
    double[] at = w.clone();
    return new ScoreSampler() {
      @Override
      public int parameterDimension() {
        return q;
      }

      @Override
      public boolean isMaximumLikelihood() {
        return mle;
      }

      @Override
      public void sample(UniformRandomProvider rng, int count, double[] scores, double[] hessianSum) {
        double[] z = new double[count * dz];
        model.samplePretraining(rng, count, z);
        double[] zi = new double[dz];
        double[] s = new double[q];
        for (int i = 0; i < count; i++) {
          System.arraycopy(z, i * dz, zi, 0, dz);
          if (!mle && hessianSum != null) {
            derivatives.addHessian(at, zi, hessianSum, s);
          } else {
            derivatives.score(at, zi, s);
          }
          System.arraycopy(s, 0, scores, i * q, q);
        }
      }
    };
  }

  /** ψ(x; w) and J(x) = ∇_w⟨θ, ψ(x; w)⟩ at w. */
  public static DownstreamSampler downstream(
      DifferentiableModel model, Derivatives derivatives, double[] w, double[] theta) {
    int q = model.parameterDimension();
    int p = model.featureDimension();
    int dx = model.inputDimension();
    double[] at = w.clone();
    double[] th = theta.clone();
    return new DownstreamSampler() {
      @Override
      public int featureDimension() {
        return p;
      }

      @Override
      public int parameterDimension() {
        return q;
      }

      @Override
      public void sample(UniformRandomProvider rng, int count, double[] features, double[] jacobians) {
        double[] x = new double[count * dx];
        model.sampleDownstream(rng, count, x);
        double[] xi = new double[dx];
        double[] psi = new double[p];
        double[] k = new double[p * q];
        for (int i = 0; i < count; i++) {
          System.arraycopy(x, i * dx, xi, 0, dx);
          derivatives.features(at, xi, psi, k);
          System.arraycopy(psi, 0, features, i * p, p);
          for (int b = 0; b < q; b++) {
            double s = 0;
            for (int a = 0; a < p; a++) {
              s += th[a] * k[a * q + b];
            }
            jacobians[i * q + b] = s;
          }
        }
      }
    };
  }
}
