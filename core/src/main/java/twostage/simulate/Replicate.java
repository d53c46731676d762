package twostage.simulate;

/**
 * One replicate of the two-stage pipeline at downstream size n and m = ⌊αn⌋: the scaled terms of
 * Proposition B.1 and the fit diagnostics. Timings are kept apart: they are the only part that depends
 * on the machine.
 *
 * @param n downstream sample size
 * @param m pre-training sample size
 * @param index replicate index (its random streams derive from (seed, n, index))
 * @param pretraining n·Rep, the pre-training part
 * @param pretrainingStdError Monte Carlo standard error of n·Rep (0 when exact)
 * @param leakage n·Leakage_n
 * @param variance n·Var_n, the variance part
 * @param fit diagnostics of the pre-training fit
 */
public record Replicate(
    int n,
    int m,
    int index,
    double pretraining,
    double pretrainingStdError,
    double leakage,
    double variance,
    FitDiagnostics fit) {

  /** n(R − σ²) = n·Rep + n·Leakage_n + n·Var_n. */
  public double total() {
    return pretraining + leakage + variance;
  }

  /**
   * CPU seconds (of the thread that ran it) spent in each stage of one replicate.
   *
   * @param pretraining sampling µ_pre and fitting
   * @param design drawing the design and its moments
   * @param population population moments and Rep
   */
  public record Timings(double pretraining, double design, double population) {
    /** Sum of the stages. */
    public double total() {
      return pretraining + design + population;
    }
  }

  /**
   * A replicate with its timings.
   *
   * @param replicate the numbers
   * @param timings the seconds
   */
  public record Timed(Replicate replicate, Timings timings) {}
}
