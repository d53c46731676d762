package twostage.models.mixture;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import twostage.exec.Runner;
import twostage.linalg.GramSum;
import twostage.linalg.Sym;
import twostage.linalg.SymmetricEigen;
import twostage.random.Streams;
import twostage.stats.Estimate;
import twostage.stats.GroupedSums;
import twostage.stats.Jackknife;
import twostage.theory.AsymptoticEngine;
import twostage.theory.DownstreamMoments;
import twostage.theory.Interaction;
import twostage.theory.PretrainingMoments;

/**
 * E‖L(Z)‖² of Theorem 5.1 for the mixture by the exact dimension reduction of
 * docs/gmm-dimension-reduction.md: E‖L(Z)‖² = tr(F_int⁻¹G_int) + (d − r⋆)·tr(R⁻¹A), with every moment
 * estimated by Monte Carlo in the r⋆ intrinsic coordinates only. Cost and memory depend on K and r⋆,
 * not on d. Fisher and downstream stages use their own streams and sample counts, grouped as in
 * {@link twostage.theory.MonteCarloMoments} (rank-k updates of a {@link GramSum}); the jackknife over groups gives standard errors of the
 * total and of both parts.
 */
public final class MixtureReduction {
  private static final long FISHER_STAGE = 11;
  private static final long DOWNSTREAM_STAGE = 12;
  private static final int BLOCK = 512;

  private MixtureReduction() {}

  /** The reduction of a full instance (its P⊥θ parts are irrelevant and dropped). */
  public static Result compute(
      MixtureInstance instance, long fisherSamples, long samples, int groups, long seed, Runner runner) {
    return compute(IntrinsicMixture.of(instance), fisherSamples, samples, groups, seed, runner);
  }

  /**
   * @param problem the intrinsic description
   * @param fisherSamples draws of y for F_int and R
   * @param samples draws of y for Σψ, C, E[JJᵀ] and A
   * @param groups jackknife groups (at least 2, at most the smaller sample count)
   */
  public static Result compute(
      IntrinsicMixture problem, long fisherSamples, long samples, int groups, long seed, Runner runner) {
    if (groups < 2 || fisherSamples < groups || samples < groups) {
      throw new IllegalArgumentException("need groups >= 2 and at least one sample of each stage per"
          + " group: groups=" + groups + ", fisherSamples=" + fisherSamples + ", samples=" + samples);
    }
    int p = problem.featureDimension();
    int len = problem.rowLength();
    GroupedSums fisher = accumulate(fisherSamples, groups, runner, p, problem::featuresColumns, problem,
        seed, FISHER_STAGE);
    GroupedSums down = accumulate(samples, groups, runner, len, problem::rowsColumns, problem, seed,
        DOWNSTREAM_STAGE);
    AsymptoticEngine engine = new AsymptoticEngine();
    Parts full = parts(problem, fisher.mean(), down.mean());
    Interaction intrinsic = engine.evaluate(full.pre, full.down, null);
    AsymptoticEngine.Shortcuts near = engine.shortcuts(intrinsic, full.down, null);
    double[] intrLoo = new double[groups];
    double[] perLoo = new double[groups];
    runner.map(groups, g -> {
      Parts part = parts(problem, fisher.meanWithout(g), down.meanWithout(g));
      intrLoo[g] = engine.interactionMean(part.pre, part.down, null, near);
      perLoo[g] = Sym.traceOfProduct(part.rInv, part.a);
      return null;
    });
    double per = Sym.traceOfProduct(full.rInv, full.a);
    double rMin = 1.0 / SymmetricEigen.of(full.rInv).values()[0];
    return new Result(
        problem.components(), problem.rank(), problem.multiplicity(), intrinsic,
        isotropicWeights(full.rInv, full.a), intrinsic.mean(), per, intrLoo, perLoo,
        fisher.count(), down.count(), rMin);
  }

  /**
   * The reduction's estimate.
   *
   * @param components K
   * @param rank r⋆
   * @param multiplicity d − r⋆
   * @param intrinsic the engine's result on the intrinsic block (weights, d_eff, diagnostics)
   * @param isotropicWeights eig(R^{-1/2}AR^{-1/2}), each repeated {@code multiplicity} times in the
   *     full law ‖L(Z)‖² = Σλχ²₁
   * @param intrinsicMean tr(F_int⁻¹G_int), plug-in
   * @param perDirection tr(R⁻¹A), plug-in
   * @param intrinsicLoo leave-one-group-out values of the intrinsic part
   * @param perDirectionLoo leave-one-group-out values of tr(R⁻¹A)
   * @param fisherSamples samples behind F_int and R
   * @param downstreamSamples samples behind Σψ, C, E[JJᵀ], A
   * @param isotropicFisherMinEigenvalue smallest eigenvalue of R = E[ρρᵀ], the Fisher block of each
   *     isotropic direction (the full Fisher matrix is F_int ⊕ R ⊗ I_{d−r⋆})
   */
  public record Result(
      int components,
      int rank,
      int multiplicity,
      Interaction intrinsic,
      double[] isotropicWeights,
      double intrinsicMean,
      double perDirection,
      double[] intrinsicLoo,
      double[] perDirectionLoo,
      long fisherSamples,
      long downstreamSamples,
      double isotropicFisherMinEigenvalue) {

    /** Jackknife of u·tr(F_int⁻¹G_int) + v·tr(R⁻¹A) (any linear combination of the two parts). */
    public Jackknife combination(double u, double v) {
      double[] loo = new double[intrinsicLoo.length];
      for (int g = 0; g < loo.length; g++) {
        loo[g] = u * intrinsicLoo[g] + v * perDirectionLoo[g];
      }
      return Jackknife.of(u * intrinsicMean + v * perDirection, loo);
    }

    /** E‖L(Z)‖² = tr(F_int⁻¹G_int) + (d − r⋆)·tr(R⁻¹A), jackknifed. */
    public Jackknife total() {
      return combination(1.0, multiplicity);
    }

    /** Bias-corrected E‖L(Z)‖² with its standard error. */
    public Estimate mean() {
      return total().corrected();
    }

    /** Bias-corrected tr(F_int⁻¹G_int). */
    public Estimate intrinsicPart() {
      return combination(1.0, 0.0).corrected();
    }

    /** Bias-corrected tr(R⁻¹A), the contribution of each isotropic direction. */
    public Estimate perDirectionPart() {
      return combination(0.0, 1.0).corrected();
    }

    /** All weights of the full law, largest first: the intrinsic ones and each isotropic one repeated. */
    public double[] weights() {
      double[] w = new double[weightCount()];
      double[] in = intrinsic.weights();
      System.arraycopy(in, 0, w, 0, in.length);
      int o = in.length;
      for (double v : isotropicWeights) {
        for (int m = 0; m < multiplicity; m++) {
          w[o++] = Math.max(v, 0.0);
        }
      }
      java.util.Arrays.sort(w);
      for (int i = 0, j = w.length - 1; i < j; i++, j--) {
        double t = w[i];
        w[i] = w[j];
        w[j] = t;
      }
      return w;
    }

    /** Number of weights of the full law: K·r⋆ + K·(d − r⋆) = K·d. */
    public int weightCount() {
      return intrinsic.weights().length + isotropicWeights.length * multiplicity;
    }
  }

  private record Parts(PretrainingMoments pre, DownstreamMoments down, DMatrixRMaj rInv, DMatrixRMaj a) {}

  private static Parts parts(IntrinsicMixture problem, double[] fisherMean, double[] downMean) {
    int k = problem.components();
    int r = problem.rank();
    int p = problem.featureDimension();
    int q = problem.parameterDimension();
    int len = problem.rowLength();
    int[] yIdx = new int[q];
    int[] piIdx = new int[k];
    for (int i = 0, n = 0; i < k; i++) {
      for (int c = 0; c < r; c++) {
        yIdx[n++] = i * (r + 1) + c;
      }
      piIdx[i] = problem.piIndex(i);
    }
    DMatrixRMaj fisher = sub(fisherMean, p, yIdx, yIdx);
    DMatrixRMaj rr = sub(fisherMean, p, piIdx, piIdx);
    int[] psiIdx = range(0, p);
    int[] jIdx = range(p, q);
    int[] aIdx = range(p + q, k);
    DownstreamMoments down = new DownstreamMoments(
        sub(downMean, len, psiIdx, psiIdx), sub(downMean, len, psiIdx, jIdx),
        sub(downMean, len, jIdx, jIdx));
    DMatrixRMaj rInv = new DMatrixRMaj(k, k);
    if (!CommonOps_DDRM.invert(rr, rInv)) {
      throw new IllegalStateException("R = E[ππᵀ] is singular");
    }
    return new Parts(PretrainingMoments.fisher(fisher), down, rInv, sub(downMean, len, aIdx, aIdx));
  }

  private static double[] isotropicWeights(DMatrixRMaj rInv, DMatrixRMaj a) {
    DMatrixRMaj half = Sym.sqrtPsd(Sym.symmetrized(rInv));
    return SymmetricEigen.of(Sym.congruence(half, a)).clippedValues();
  }

  private static int[] range(int from, int count) {
    int[] out = new int[count];
    for (int i = 0; i < count; i++) {
      out[i] = from + i;
    }
    return out;
  }

  /** The submatrix of the symmetric row-major n×n array {@code m} on rows {@code rows}, cols {@code cols}. */
  private static DMatrixRMaj sub(double[] m, int n, int[] rows, int[] cols) {
    DMatrixRMaj out = new DMatrixRMaj(rows.length, cols.length);
    for (int i = 0; i < rows.length; i++) {
      for (int j = 0; j < cols.length; j++) {
        out.unsafe_set(i, j, m[rows[i] * n + cols[j]]);
      }
    }
    return out;
  }

  private interface RowWriter {
    void write(double[][] y, int count, double[][] out, IntrinsicMixture.Scratch scratch);
  }

  private static GroupedSums accumulate(
      long samples, int groups, Runner runner, int dim, RowWriter writer, IntrinsicMixture problem,
      long seed, long stage) {
    long[] counts = new long[groups];
    for (int g = 0; g < groups; g++) {
      counts[g] = samples / groups + (g < samples % groups ? 1 : 0);
    }
    int r = problem.rank();
    double[][] sums = runner.map(groups, g -> {
      UniformRandomProvider rng = Streams.of(seed, stage, g);
      double[][] y = new double[r][BLOCK];
      double[][] rows = new double[dim][BLOCK];
      IntrinsicMixture.Scratch scratch = problem.scratch(BLOCK);
      try (GramSum gram = GramSum.create(dim, BLOCK)) {
        for (long done = 0; done < counts[g]; ) {
          int b = (int) Math.min(BLOCK, counts[g] - done);
          problem.drawColumns(rng, b, y);
          writer.write(y, b, rows, scratch);
          gram.addColumns(rows, b);
          done += b;
        }
        return gram.toSymmetric();
      }
    }).toArray(new double[0][]);
    return new GroupedSums(counts, sums);
  }
}
