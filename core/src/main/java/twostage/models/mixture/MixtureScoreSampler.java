package twostage.models.mixture;

import org.apache.commons.rng.UniformRandomProvider;
import twostage.theory.ScoreSampler;

/**
 * Scores of the mixture negative log-likelihood ℓ(U; x) = −log((1/K)Σφ(x − u_i)) at U⋆ (Lemma J.4):
 * ∇_{u_i}ℓ = −ρ_i(x)(x − u_i) with the full-space posterior ρ_i. The MLE is well specified, so the
 * Fisher information E[∇ℓ∇ℓᵀ] is both H and S.
 */
public final class MixtureScoreSampler implements ScoreSampler {
  private final double[][] centres;
  private final int k;
  private final int d;
  private final double[] halfNorms;
  private final MixtureSampling sampling;
  private final ThreadLocal<Block> scratch;

  /** Scores at the instance's true centres. */
  public MixtureScoreSampler(MixtureInstance instance) {
    this.centres = instance.centres();
    this.k = centres.length;
    this.d = centres[0].length;
    this.halfNorms = Posteriors.halfNorms(centres);
    this.sampling = new MixtureSampling(centres);
    this.scratch = ThreadLocal.withInitial(() -> new Block(k, d, twostage.theory.MonteCarloMoments.BLOCK));
  }

  @Override
  public int parameterDimension() {
    return k * d;
  }

  @Override
  public boolean isMaximumLikelihood() {
    return true;
  }

  /** The scores of {@link #sample} by coordinate, a block at a time in loops over the samples (same bits). */
  @Override
  public void sampleColumns(UniformRandomProvider rng, int count, double[][] columns) {
    Block b = scratch.get();
    if (b.x[0].length < count) {
      b = new Block(k, d, count);
      scratch.set(b);
    }
    sampling.drawColumns(rng, count, b.x);
    Posteriors.columns(centres, halfNorms, b.x, count, b.rho, b.max, b.total);
    for (int i = 0; i < k; i++) {
      double[] rho = b.rho[i];
      double[] u = centres[i];
      for (int a = 0; a < d; a++) {
        double[] o = columns[i * d + a];
        double[] xa = b.x[a];
        double ua = u[a];
        for (int n = 0; n < count; n++) {
          double w = -rho[n];
          o[n] = w * (xa[n] - ua);
        }
      }
    }
  }

  /** Working arrays of one thread, one quantity for every sample of a block. */
  private static final class Block {
    final double[][] x;
    final double[][] rho;
    final double[] max;
    final double[] total;

    Block(int k, int d, int cap) {
      x = new double[d][cap];
      rho = new double[k][cap];
      max = new double[cap];
      total = new double[cap];
    }
  }

  @Override
  public void sample(UniformRandomProvider rng, int count, double[] scores, double[] hessianSum) {
    double[] x = new double[count * d];
    sampling.draw(rng, count, x);
    double[] rho = new double[k];
    for (int n = 0; n < count; n++) {
      int xo = n * d;
      Posteriors.compute(centres, halfNorms, x, xo, rho);
      int so = n * k * d;
      for (int i = 0; i < k; i++) {
        double w = -rho[i];
        double[] u = centres[i];
        for (int a = 0; a < d; a++) {
          scores[so + i * d + a] = w * (x[xo + a] - u[a]);
        }
      }
    }
  }
}
