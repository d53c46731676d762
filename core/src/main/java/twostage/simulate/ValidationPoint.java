package twostage.simulate;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import twostage.stats.Estimate;
import twostage.stats.Interval;
import twostage.stats.KolmogorovDistance;
import twostage.stats.Proportions;

/**
 * The distributional validation at one n (Appendix K, Figures 3–4): Kolmogorov distances of the total
 * n(R − σ²) and of the pre-training part n·Rep to their limit laws σ²d_eff + α⁻¹‖L(Z)‖² and
 * α⁻¹‖L(Z)‖² (exact CDFs supplied by the caller), and the tail probability of the variance part,
 * p_var = P(|n·Var_n − σ²d_eff| &gt; ε), whose limit is 0 (the paper's definition; 1 − p_var is the
 * concentration probability). Each comes with a 95% interval: the Dvoretzky–Kiefer–Wolfowitz interval
 * for the distances ({@link KolmogorovDistance}), Wilson for p_var.
 *
 * @param n downstream size
 * @param m pre-training size
 * @param reps replicates
 * @param ksTotal D_KS of the total
 * @param ksPretraining D_KS of n·Rep
 * @param ksResolution ε = 1.358/√reps, the DKW half-width: what the replicates can resolve
 * @param pVar P(|n·Var_n − σ²d_eff| &gt; ε)
 * @param epsilon ε
 * @param meanTotal mean of n(R − σ²)
 * @param meanPretraining mean of n·Rep
 * @param meanVariance mean of n·Var_n
 * @param meanLeakage mean of n·Leakage_n
 * @param meanPretrainingMcError mean Monte Carlo standard error of a replicate's n·Rep
 * @param failedFits fits that did not converge or landed in another basin
 * @param notConverged fits that did not converge
 * @param otherBasin fits in another basin
 * @param meanPasses mean passes over the pre-training data per fit
 * @param maxDistance largest fit distance to the truth modulo symmetries
 */
public record ValidationPoint(
    int n,
    int m,
    int reps,
    Interval ksTotal,
    Interval ksPretraining,
    double ksResolution,
    Interval pVar,
    double epsilon,
    Estimate meanTotal,
    Estimate meanPretraining,
    Estimate meanVariance,
    Estimate meanLeakage,
    double meanPretrainingMcError,
    int failedFits,
    int notConverged,
    int otherBasin,
    double meanPasses,
    double maxDistance) {

  /**
   * Summarises the replicates of one n.
   *
   * @param replicates all at the same n
   * @param totalCdf CDF of σ²d_eff + α⁻¹‖L(Z)‖²
   * @param pretrainingCdf CDF of α⁻¹‖L(Z)‖²
   * @param varianceLimit σ²d_eff
   * @param epsilon ε (Appendix K: 0.05σ²d_eff)
   */
  public static ValidationPoint of(
      List<Replicate> replicates,
      DoubleUnaryOperator totalCdf,
      DoubleUnaryOperator pretrainingCdf,
      double varianceLimit,
      double epsilon) {
    int r = replicates.size();
    if (r == 0) {
      throw new IllegalArgumentException("no replicates");
    }
    int n = replicates.get(0).n();
    double[] total = new double[r];
    double[] pre = new double[r];
    double[] var = new double[r];
    double[] leak = new double[r];
    double mcErr = 0;
    int tail = 0;
    int failed = 0;
    int notConv = 0;
    int basin = 0;
    double passes = 0;
    double maxDist = 0;
    for (int i = 0; i < r; i++) {
      Replicate x = replicates.get(i);
      if (x.n() != n) {
        throw new IllegalArgumentException("replicates mix n=" + n + " and n=" + x.n());
      }
      total[i] = x.total();
      pre[i] = x.pretraining();
      var[i] = x.variance();
      leak[i] = x.leakage();
      mcErr += x.pretrainingStdError() / r;
      if (Math.abs(x.variance() - varianceLimit) > epsilon) {
        tail++;
      }
      if (x.fit().failed()) {
        failed++;
      }
      if (!x.fit().converged()) {
        notConv++;
      }
      if (x.fit().otherBasin()) {
        basin++;
      }
      passes += x.fit().passes() / (double) r;
      if (!Double.isNaN(x.fit().distance())) {
        maxDist = Math.max(maxDist, x.fit().distance());
      }
    }
    Interval ksT = KolmogorovDistance.of(total, totalCdf, 0.95);
    Interval ksP = KolmogorovDistance.of(pre, pretrainingCdf, 0.95);
    return new ValidationPoint(
        n, replicates.get(0).m(), r, ksT, ksP, KolmogorovDistance.halfWidth(r, 0.95),
        Proportions.wilson(tail, r, 1.959964), epsilon,
        Proportions.mean(total), Proportions.mean(pre), Proportions.mean(var), Proportions.mean(leak),
        mcErr, failed, notConv, basin, passes, maxDist);
  }
}
