package twostage.ad;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import twostage.exec.Runner;
import twostage.linalg.Accumulate;
import twostage.linalg.Sym;
import twostage.random.Streams;

/**
 * The moments behind the orbit and the regularity checks, from one pass over each stage (independent of
 * the samples behind the law): the mean score ḡ, S = E[∇ℓ∇ℓᵀ] and H at w⋆ (exact through a sufficient
 * statistic with a known population mean), and downstream Σψ = E[ψψᵀ], E[ψ vec(K)ᵀ] and
 * E[vec(K) vec(K)ᵀ] for the feature Jacobian K = ∂ψ/∂w (p × q), from which every orbit and null-feature
 * check follows without another pass. Group g of stage s draws from {@code Streams.of(seed, s, g)}.
 *
 * @param pretrainingSamples samples behind ḡ, S and (when not exact) H
 * @param meanScore ḡ (exact when {@code hessianExact})
 * @param scoreCovariance S
 * @param hessian H (S for a declared MLE)
 * @param hessianExact H and ḡ are exact (sufficient statistic with a population mean)
 * @param hessianGroups when H is a Monte Carlo average of per-sample Hessians, the average within each
 *     of the {@value #GROUPS} groups (their spread gives the standard error of any vᵀHv); else empty
 * @param downstreamSamples samples behind the downstream moments
 * @param featureGram Σψ (p × p)
 * @param featureJacobianCross E[ψ vec(K)ᵀ] (p × pq, vec row-major: index a·q + b is K_ab)
 * @param featureJacobianGram E[vec(K) vec(K)ᵀ] (pq × pq)
 */
public record PilotMoments(
    long pretrainingSamples,
    double[] meanScore,
    DMatrixRMaj scoreCovariance,
    DMatrixRMaj hessian,
    boolean hessianExact,
    List<DMatrixRMaj> hessianGroups,
    long downstreamSamples,
    DMatrixRMaj featureGram,
    DMatrixRMaj featureJacobianCross,
    DMatrixRMaj featureJacobianGram) {

  private static final long PRE_STAGE = 11;
  private static final long DOWN_STAGE = 12;
  /** Number of groups of each pass. */
  public static final int GROUPS = 16;
  private static final int BLOCK = 256;

  /** Runs both passes at w with {@code pre} and {@code down} samples. */
  public static PilotMoments run(
      DifferentiableModel model, Derivatives derivatives, double[] w, long pre, long down, long seed,
      Runner runner) {
    if (pre < GROUPS || down < GROUPS) {
      throw new IllegalArgumentException(
          "pilot samples must be >= " + GROUPS + " per stage, got " + pre + " and " + down);
    }
    int q = model.parameterDimension();
    int p = model.featureDimension();
    int dz = model.sampleDimension();
    int dx = model.inputDimension();
    boolean mle = model.isMaximumLikelihood();
    SufficientStatistic stat = model.sufficientStatistic();
    double[] population = stat == null ? null : stat.populationMean();
    boolean exact = population != null;
    boolean perSampleHessian = !mle && !exact;

    List<double[]> preSums = runner.map(GROUPS, g -> {
      UniformRandomProvider rng = Streams.of(seed, PRE_STAGE, g);
      long count = share(pre, g);
      double[] sum = new double[q + q * q + (perSampleHessian ? q * q : 0)];
      double[] z = new double[BLOCK * dz];
      double[] zi = new double[dz];
      double[] s = new double[BLOCK * q];
      double[] si = new double[q];
      double[] gram = new double[q * q];
      double[] hess = perSampleHessian ? new double[q * q] : null;
      for (long done = 0; done < count; ) {
        int b = (int) Math.min(BLOCK, count - done);
        model.samplePretraining(rng, b, z);
        for (int i = 0; i < b; i++) {
          System.arraycopy(z, i * dz, zi, 0, dz);
          if (perSampleHessian) {
            derivatives.addHessian(w, zi, hess, si);
          } else {
            derivatives.score(w, zi, si);
          }
          System.arraycopy(si, 0, s, i * q, q);
          for (int j = 0; j < q; j++) {
            sum[j] += si[j];
          }
        }
        Accumulate.gramLower(s, b, q, gram);
        done += b;
      }
      System.arraycopy(gram, 0, sum, q, q * q);
      if (perSampleHessian) {
        System.arraycopy(hess, 0, sum, q + q * q, q * q);
      }
      return sum;
    });
    double[] total = add(preSums);
    double[] meanScore = new double[q];
    for (int j = 0; j < q; j++) {
      meanScore[j] = total[j] / pre;
    }
    DMatrixRMaj s = matrix(total, q, q, q, pre);
    Sym.fillUpperFromLower(s);
    List<DMatrixRMaj> groups = new java.util.ArrayList<>();
    if (perSampleHessian) {
      for (int g = 0; g < GROUPS; g++) {
        groups.add(Sym.symmetrized(matrix(preSums.get(g), q + q * q, q, q, share(pre, g))));
      }
    }
    DMatrixRMaj h;
    if (exact) {
      Objective f = Objective.of(stat, population, q);
      double[] hd = new double[q * q];
      f.hessian(w, meanScore, hd);
      h = Sym.symmetrized(DMatrixRMaj.wrap(q, q, hd));
    } else if (mle) {
      h = s.copy();
    } else {
      h = Sym.symmetrized(matrix(total, q + q * q, q, q, pre));
    }

    int pq = p * q;
    List<double[]> downSums = runner.map(GROUPS, g -> {
      UniformRandomProvider rng = Streams.of(seed, DOWN_STAGE, g);
      long count = share(down, g);
      double[] psiGram = new double[p * p];
      double[] cross = new double[p * pq];
      double[] kGram = new double[pq * pq];
      double[] x = new double[BLOCK * dx];
      double[] xi = new double[dx];
      double[] psi = new double[BLOCK * p];
      double[] k = new double[BLOCK * pq];
      double[] psiI = new double[p];
      double[] kI = new double[pq];
      for (long done = 0; done < count; ) {
        int b = (int) Math.min(BLOCK, count - done);
        model.sampleDownstream(rng, b, x);
        for (int i = 0; i < b; i++) {
          System.arraycopy(x, i * dx, xi, 0, dx);
          derivatives.features(w, xi, psiI, kI);
          System.arraycopy(psiI, 0, psi, i * p, p);
          System.arraycopy(kI, 0, k, i * pq, pq);
        }
        Accumulate.gramLower(psi, b, p, psiGram);
        Accumulate.cross(psi, p, k, pq, b, cross);
        Accumulate.gramLower(k, b, pq, kGram);
        done += b;
      }
      double[] sum = new double[p * p + p * pq + pq * pq];
      System.arraycopy(psiGram, 0, sum, 0, p * p);
      System.arraycopy(cross, 0, sum, p * p, p * pq);
      System.arraycopy(kGram, 0, sum, p * p + p * pq, pq * pq);
      return sum;
    });
    double[] dt = add(downSums);
    DMatrixRMaj psiGram = matrix(dt, 0, p, p, down);
    Sym.fillUpperFromLower(psiGram);
    DMatrixRMaj cross = matrix(dt, p * p, p, pq, down);
    DMatrixRMaj kGram = matrix(dt, p * p + p * pq, pq, pq, down);
    Sym.fillUpperFromLower(kGram);
    return new PilotMoments(pre, meanScore, s, h, exact, List.copyOf(groups), down, psiGram, cross, kGram);
  }

  /**
   * The standard error of vᵀHv over the groups (sd of the group values / √groups); 0 when H is not
   * sampled per group.
   */
  public double hessianStdError(double[] v) {
    int n = hessianGroups.size();
    if (n < 2) {
      return 0;
    }
    double[] t = new double[n];
    double mean = 0;
    for (int g = 0; g < n; g++) {
      DMatrixRMaj h = hessianGroups.get(g);
      double s = 0;
      for (int i = 0; i < v.length; i++) {
        for (int j = 0; j < v.length; j++) {
          s += v[i] * h.get(i, j) * v[j];
        }
      }
      t[g] = s;
      mean += s / n;
    }
    double ss = 0;
    for (double x : t) {
      ss += (x - mean) * (x - mean);
    }
    return Math.sqrt(ss / (n - 1) / n);
  }

  private static long share(long total, int g) {
    return total / GROUPS + (g < total % GROUPS ? 1 : 0);
  }

  private static double[] add(List<double[]> parts) {
    double[] out = new double[parts.get(0).length];
    for (double[] a : parts) {
      for (int i = 0; i < out.length; i++) {
        out[i] += a[i];
      }
    }
    return out;
  }

  private static DMatrixRMaj matrix(double[] a, int offset, int rows, int cols, long n) {
    DMatrixRMaj m = new DMatrixRMaj(rows, cols);
    for (int i = 0; i < rows * cols; i++) {
      m.data[i] = a[offset + i] / n;
    }
    return m;
  }
}
