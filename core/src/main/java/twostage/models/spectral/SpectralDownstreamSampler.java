package twostage.models.spectral;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import twostage.theory.DownstreamSampler;

/**
 * Downstream draws x ~ N(0, Σdown) with features ψ = A⋆x ∈ R^k and Jacobian J(x) = ∇_A⟨β⋆, Ax⟩ =
 * vec(β⋆xᵀ) ∈ R^{kd} (row-major).
 */
public final class SpectralDownstreamSampler implements DownstreamSampler {
  private final GaussianTriples triples;
  private final double[] a;
  private final double[] beta;
  private final int k;
  private final int d;

  /** A sampler at the population minimiser of {@code geometry}. */
  public SpectralDownstreamSampler(SpectralGeometry geometry) {
    this.triples = new GaussianTriples(geometry.instance());
    this.a = geometry.aStar().data.clone();
    this.beta = geometry.instance().beta();
    this.k = geometry.k();
    this.d = geometry.d();
  }

  @Override
  public int featureDimension() {
    return k;
  }

  @Override
  public int parameterDimension() {
    return k * d;
  }

  @Override
  public void sample(UniformRandomProvider rng, int count, double[] features, double[] jacobians) {
    ZigguratSampler.NormalizedGaussian g = GaussianTriples.gaussian(rng);
    double[] x = new double[d];
    double[] scratch = new double[2 * d];
    int q = k * d;
    for (int r = 0; r < count; r++) {
      triples.downstream(g, scratch, x);
      for (int i = 0; i < k; i++) {
        double t = 0;
        for (int b = 0; b < d; b++) {
          t += a[i * d + b] * x[b];
        }
        features[r * k + i] = t;
        for (int b = 0; b < d; b++) {
          jacobians[r * q + i * d + b] = beta[i] * x[b];
        }
      }
    }
  }
}
