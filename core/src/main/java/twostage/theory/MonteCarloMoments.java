package twostage.theory;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import twostage.exec.Runner;
import twostage.linalg.GramSum;
import twostage.linalg.Sym;
import twostage.random.Streams;
import twostage.stats.GroupedSums;

/**
 * Streaming, blocked, parallel Monte Carlo estimation of the moments the engine needs. Samples are
 * split into a fixed number of groups; group g draws from {@code Streams.of(seed, stage, g)} in blocks
 * of {@link #BLOCK} samples and keeps only running sums, so memory is groups × (moment size) whatever
 * the sample count, and the result is the same on any number of threads. The second moments are rank-k
 * updates of a {@link GramSum} (OpenBLAS when it loads), one per block; downstream, one update of the
 * samples [ψ, J], written by coordinate ({@link DownstreamSampler#sampleColumns}), gives Σψ, C and
 * E[JJᵀ] together.
 *
 * <p>Layout of the flattened sums: pre-training [S (q×q), H (q×q, only when not an MLE)];
 * downstream [Σψ (p×p), C (p×q), E[JJᵀ] (q×q)], all row-major.
 */
public final class MonteCarloMoments {
  /** Samples drawn per call to a sampler. */
  public static final int BLOCK = 512;

  /** Default number of groups for the jackknife. */
  public static final int DEFAULT_GROUPS = 20;

  private static final long PRETRAINING_STAGE = 1;
  private static final long DOWNSTREAM_STAGE = 2;

  private MonteCarloMoments() {}

  /** Accumulates score covariance (and Hessian, for non-MLE losses) over {@code samples} draws. */
  public static GroupedSums pretraining(
      ScoreSampler sampler, long samples, int groups, long seed, Runner runner) {
    int q = sampler.parameterDimension();
    boolean mle = sampler.isMaximumLikelihood();
    return accumulate(samples, groups, runner, (g, count) -> {
      UniformRandomProvider rng = Streams.of(seed, PRETRAINING_STAGE, g);
      double[] scores = mle ? null : new double[BLOCK * q];
      double[][] columns = mle ? new double[q][BLOCK] : null;
      double[] hess = mle ? null : new double[q * q];
      double[] sum = new double[q * q * (mle ? 1 : 2)];
      try (GramSum gram = GramSum.create(q, BLOCK)) {
        for (long done = 0; done < count; ) {
          int b = (int) Math.min(BLOCK, count - done);
          if (mle) {
            sampler.sampleColumns(rng, b, columns); // no Hessians: the scores by coordinate
            gram.addColumns(columns, b);
          } else {
            sampler.sample(rng, b, scores, hess);
            gram.add(scores, b);
          }
          done += b;
        }
        System.arraycopy(gram.toSymmetric(), 0, sum, 0, q * q);
      }
      if (!mle) {
        System.arraycopy(hess, 0, sum, q * q, q * q);
      }
      return sum;
    });
  }

  /** Accumulates Σψ, C and E[JJᵀ] over {@code samples} draws from µ_down. */
  public static GroupedSums downstream(
      DownstreamSampler sampler, long samples, int groups, long seed, Runner runner) {
    int p = sampler.featureDimension();
    int q = sampler.parameterDimension();
    return accumulate(samples, groups, runner, (g, count) -> {
      UniformRandomProvider rng = Streams.of(seed, DOWNSTREAM_STAGE, g);
      int n = p + q;
      double[][] columns = new double[n][BLOCK];
      double[] joint;
      try (GramSum gram = GramSum.create(n, BLOCK)) {
        for (long done = 0; done < count; ) {
          int b = (int) Math.min(BLOCK, count - done);
          sampler.sampleColumns(rng, b, columns);
          gram.addColumns(columns, b);
          done += b;
        }
        joint = gram.toSymmetric();
      }
      // E[[ψ; J][ψ; J]ᵀ] holds Σψ (top left), Cᵀ (bottom left) and E[JJᵀ] (bottom right).
      double[] sum = new double[p * p + p * q + q * q];
      for (int i = 0; i < p; i++) {
        System.arraycopy(joint, i * n, sum, i * p, p);
        System.arraycopy(joint, i * n + p, sum, p * p + i * q, q);
      }
      for (int j = 0; j < q; j++) {
        System.arraycopy(joint, (p + j) * n + p, sum, p * p + p * q + j * q, q);
      }
      return sum;
    });
  }

  /** Reads pre-training moments from a flattened mean (layout above). */
  public static PretrainingMoments toPretraining(double[] mean, int q, boolean maximumLikelihood) {
    DMatrixRMaj s = DMatrixRMaj.wrap(q, q, slice(mean, 0, q * q));
    if (maximumLikelihood) {
      return PretrainingMoments.fisher(s);
    }
    DMatrixRMaj h = DMatrixRMaj.wrap(q, q, slice(mean, q * q, q * q));
    return new PretrainingMoments(Sym.symmetrized(h), s);
  }

  /** Reads downstream moments from a flattened mean (layout above). */
  public static DownstreamMoments toDownstream(double[] mean, int p, int q) {
    return new DownstreamMoments(
        DMatrixRMaj.wrap(p, p, slice(mean, 0, p * p)),
        DMatrixRMaj.wrap(p, q, slice(mean, p * p, p * q)),
        DMatrixRMaj.wrap(q, q, slice(mean, p * p + p * q, q * q)));
  }

  private interface GroupTask {
    double[] run(int group, long count);
  }

  private static GroupedSums accumulate(long samples, int groups, Runner runner, GroupTask task) {
    if (samples < groups) {
      throw new IllegalArgumentException(
          "need at least one sample per group: samples=" + samples + ", groups=" + groups);
    }
    long[] counts = new long[groups];
    for (int g = 0; g < groups; g++) {
      counts[g] = samples / groups + (g < samples % groups ? 1 : 0);
    }
    double[][] sums = runner.map(groups, g -> task.run(g, counts[g])).toArray(new double[0][]);
    return new GroupedSums(counts, sums);
  }

  private static double[] slice(double[] a, int from, int len) {
    double[] out = new double[len];
    System.arraycopy(a, from, out, 0, len);
    return out;
  }
}
