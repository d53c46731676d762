package twostage.models.mixture;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/** Draws from the equal-weight spherical mixture (1/K) Σ N(u_i, I_d). */
public final class MixtureSampling {
  private final double[][] centres;
  private final int d;

  /** Sampler for the mixture with the given K×d centres. */
  public MixtureSampling(double[][] centres) {
    this.centres = centres;
    this.d = centres[0].length;
  }

  /** Fills {@code count} rows of length d of {@code out} (row-major). */
  public void draw(UniformRandomProvider rng, int count, double[] out) {
    ContinuousSampler normal = ZigguratSampler.NormalizedGaussian.of(rng);
    int k = centres.length;
    for (int n = 0; n < count; n++) {
      double[] u = centres[rng.nextInt(k)];
      int o = n * d;
      for (int a = 0; a < d; a++) {
        out[o + a] = u[a] + normal.sample();
      }
    }
  }

  /**
   * The same draws as {@link #draw} from the same stream, stored by coordinate: coordinate a of
   * sample n goes to {@code out[a][n]}.
   */
  public void drawColumns(UniformRandomProvider rng, int count, double[][] out) {
    ContinuousSampler normal = ZigguratSampler.NormalizedGaussian.of(rng);
    int k = centres.length;
    for (int n = 0; n < count; n++) {
      double[] u = centres[rng.nextInt(k)];
      for (int a = 0; a < d; a++) {
        out[a][n] = u[a] + normal.sample();
      }
    }
  }
}
