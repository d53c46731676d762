package twostage.ad;

import twostage.baseline.BaselineProblem;
import twostage.baseline.DesignSampler;
import twostage.baseline.RegressionFamily;

/**
 * The downstream-only baseline of a {@link DifferentiableModel} (end of Section 5): the class
 * F = {x ↦ ⟨θ, ψ(x; w)⟩} with parameters φ = (θ ∈ R^p, w ∈ R^q), fitted by nonlinear least squares on
 * the labelled sample alone. Its derivatives are automatic: ∂f/∂θ = ψ(x; w) and ∂f/∂w = Kᵀθ with
 * K = ∂ψ/∂w.
 */
public final class AdBaseline implements RegressionFamily {
  private final DifferentiableModel model;
  private final Derivatives derivatives;

  /** The class of {@code model}. */
  public AdBaseline(DifferentiableModel model, Derivatives derivatives) {
    this.model = model;
    this.derivatives = derivatives;
  }

  /** The baseline problem at (θ⋆, w⋆) of a resolved model; the excess risk is sampled. */
  public static BaselineProblem problem(ResolvedModel r) {
    DifferentiableModel m = r.model();
    AdBaseline family = new AdBaseline(m, r.derivatives());
    DesignSampler design = m::sampleDownstream;
    return new BaselineProblem(family, family.parameters(r.readout().theta(), r.truth()), design,
        Math.sqrt(m.noiseVariance()), null);
  }

  /** φ = (θ, w). */
  public double[] parameters(double[] theta, double[] w) {
    double[] phi = new double[theta.length + w.length];
    System.arraycopy(theta, 0, phi, 0, theta.length);
    System.arraycopy(w, 0, phi, theta.length, w.length);
    return phi;
  }

  @Override
  public int inputDimension() {
    return model.inputDimension();
  }

  @Override
  public int parameterDimension() {
    return model.featureDimension() + model.parameterDimension();
  }

  @Override
  public void evaluate(double[] phi, double[] x, int count, double[] values) {
    int p = model.featureDimension();
    int dx = model.inputDimension();
    double[] w = java.util.Arrays.copyOfRange(phi, p, phi.length);
    double[] xi = new double[dx];
    double[] psi = new double[p];
    for (int i = 0; i < count; i++) {
      System.arraycopy(x, i * dx, xi, 0, dx);
      derivatives.featureValues(w, xi, psi);
      double f = 0;
      for (int a = 0; a < p; a++) {
        f += phi[a] * psi[a];
      }
      values[i] = f;
    }
  }

  @Override
  public void directionalDerivatives(
      double[] phi, double[] directions, int r, double[] x, int count, double[] out) {
    int p = model.featureDimension();
    int q = model.parameterDimension();
    int dx = model.inputDimension();
    double[] w = java.util.Arrays.copyOfRange(phi, p, phi.length);
    double[] xi = new double[dx];
    double[] psi = new double[p];
    double[] k = new double[p * q];
    double[] grad = new double[p + q];
    for (int i = 0; i < count; i++) {
      System.arraycopy(x, i * dx, xi, 0, dx);
      derivatives.features(w, xi, psi, k);
      System.arraycopy(psi, 0, grad, 0, p);
      for (int b = 0; b < q; b++) {
        double s = 0;
        for (int a = 0; a < p; a++) {
          s += phi[a] * k[a * q + b];
        }
        grad[p + b] = s;
      }
      for (int j = 0; j < r; j++) {
        double s = 0;
        for (int a = 0; a < p + q; a++) {
          s += grad[a] * directions[a * r + j];
        }
        out[i * r + j] = s;
      }
    }
  }
}
