package twostage.models.spectral;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import twostage.theory.ScoreSampler;

/**
 * Per-sample scores and Hessians of the spectral loss (6.2) at A⋆ in vec(A) coordinates, for the Monte
 * Carlo route to the limit. With s = ⟨A⋆x, A⋆x⁻⟩:
 * ∇_Aℓ = −2[(Ax)x⁺ᵀ + (Ax⁺)xᵀ] + 2s[(Ax)x⁻ᵀ + (Ax⁻)xᵀ], and
 * ∇²ℓ[(a,b),(c,e)] = δ_ac N_be + 2 g_ab g_ce with N = −2(xx⁺ᵀ + x⁺xᵀ) + 2s(xx⁻ᵀ + x⁻xᵀ) and
 * g = ∇_A s = (Ax⁻)xᵀ + (Ax)x⁻ᵀ. The loss is not a likelihood, so Hessians are summed.
 */
public final class SpectralScoreSampler implements ScoreSampler {
  private final GaussianTriples triples;
  private final double[] a; // k×d row-major
  private final int k;
  private final int d;

  /** A sampler at the population minimiser of {@code geometry}. */
  public SpectralScoreSampler(SpectralGeometry geometry) {
    this.triples = new GaussianTriples(geometry.instance());
    this.a = geometry.aStar().data.clone();
    this.k = geometry.k();
    this.d = geometry.d();
  }

  @Override
  public int parameterDimension() {
    return k * d;
  }

  @Override
  public boolean isMaximumLikelihood() {
    return false;
  }

  @Override
  public void sample(UniformRandomProvider rng, int count, double[] scores, double[] hessianSum) {
    ZigguratSampler.NormalizedGaussian g = GaussianTriples.gaussian(rng);
    int q = k * d;
    double[] x = new double[d];
    double[] xp = new double[d];
    double[] xm = new double[d];
    double[] scratch = new double[2 * d];
    double[] ax = new double[k];
    double[] axp = new double[k];
    double[] axm = new double[k];
    double[] grad = new double[q];
    double[] nSum = hessianSum == null ? null : new double[d * d];
    for (int r = 0; r < count; r++) {
      triples.triple(g, scratch, x, xp, xm);
      apply(x, ax);
      apply(xp, axp);
      apply(xm, axm);
      double s = 0;
      for (int i = 0; i < k; i++) {
        s += ax[i] * axm[i];
      }
      int o = r * q;
      for (int i = 0; i < k; i++) {
        for (int b = 0; b < d; b++) {
          scores[o + i * d + b] =
              -2 * (ax[i] * xp[b] + axp[i] * x[b]) + 2 * s * (ax[i] * xm[b] + axm[i] * x[b]);
          grad[i * d + b] = axm[i] * x[b] + ax[i] * xm[b];
        }
      }
      if (hessianSum != null) {
        for (int b = 0; b < d; b++) {
          for (int e = 0; e < d; e++) {
            nSum[b * d + e] +=
                -2 * (x[b] * xp[e] + xp[b] * x[e]) + 2 * s * (x[b] * xm[e] + xm[b] * x[e]);
          }
        }
        for (int u = 0; u < q; u++) {
          double gu = 2 * grad[u];
          int t = u * q;
          for (int v = 0; v < q; v++) {
            hessianSum[t + v] += gu * grad[v];
          }
        }
      }
    }
    if (hessianSum != null) {
      for (int i = 0; i < k; i++) {
        for (int b = 0; b < d; b++) {
          for (int e = 0; e < d; e++) {
            hessianSum[(i * d + b) * q + i * d + e] += nSum[b * d + e];
          }
        }
      }
    }
  }

  private void apply(double[] x, double[] out) {
    for (int i = 0; i < k; i++) {
      double t = 0;
      for (int b = 0; b < d; b++) {
        t += a[i * d + b] * x[b];
      }
      out[i] = t;
    }
  }
}
