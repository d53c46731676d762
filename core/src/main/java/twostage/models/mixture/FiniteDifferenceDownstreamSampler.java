package twostage.models.mixture;

import org.apache.commons.rng.UniformRandomProvider;
import twostage.theory.DownstreamSampler;

/**
 * The downstream sampler with J(x) by central finite differences of f_U(x) instead of the analytic
 * formula: the naive reference that benchmarks and tests compare {@link MixtureDownstreamSampler}
 * against. For each of the 2·K·d perturbed centre sets the subspace geometry is computed once per
 * block of samples, so the comparison is with a reasonable, not a strawman, implementation.
 */
public final class FiniteDifferenceDownstreamSampler implements DownstreamSampler {
  private final MixtureInstance instance;
  private final MixtureDownstreamSampler analytic;
  private final MixtureSampling sampling;
  private final int k;
  private final int d;
  private final int r;
  private final double step;

  /** Central differences with step {@code step} in each centre coordinate. */
  public FiniteDifferenceDownstreamSampler(MixtureInstance instance, double step) {
    this.instance = instance;
    this.analytic = new MixtureDownstreamSampler(instance);
    this.sampling = new MixtureSampling(instance.centres());
    this.k = instance.components();
    this.d = instance.dimension();
    this.r = analytic.subspaceDimension();
    this.step = step;
  }

  @Override
  public int featureDimension() {
    return analytic.featureDimension();
  }

  @Override
  public int parameterDimension() {
    return k * d;
  }

  @Override
  public void sample(UniformRandomProvider rng, int count, double[] psi, double[] jac) {
    double[] x = new double[count * d];
    sampling.draw(rng, count, x);
    double[] unusedJac = new double[count * k * d];
    analytic.evaluate(x, count, psi, unusedJac);
    int q = k * d;
    double[] plus = new double[count];
    double[] minus = new double[count];
    for (int i = 0; i < k; i++) {
      for (int a = 0; a < d; a++) {
        targets(i, a, step, x, count, plus);
        targets(i, a, -step, x, count, minus);
        for (int n = 0; n < count; n++) {
          jac[n * q + i * d + a] = (plus[n] - minus[n]) / (2 * step);
        }
      }
    }
  }

  private void targets(int i, int a, double h, double[] x, int count, double[] out) {
    double[][] u = instance.centres();
    u[i][a] += h;
    SubspaceGeometry geo = SubspaceGeometry.withRank(u, r);
    MixtureFeatures feats = new MixtureFeatures(u, geo);
    double[][] thetaCoords = new double[k][];
    double[][] centreCoords = feats.centreCoordinates();
    for (int j = 0; j < k; j++) {
      thetaCoords[j] = geo.coordinates(instance.theta()[j]);
    }
    double[] z = new double[r];
    double[] pi = new double[k];
    double[] bias = instance.bias();
    for (int n = 0; n < count; n++) {
      feats.coordinates(x, n * d, z);
      feats.responsibilities(z, pi);
      double f = 0;
      for (int j = 0; j < k; j++) {
        double g = bias[j];
        for (int c = 0; c < r; c++) {
          g += thetaCoords[j][c] * (z[c] - centreCoords[j][c]);
        }
        f += pi[j] * g;
      }
      out[n] = f;
    }
  }
}
