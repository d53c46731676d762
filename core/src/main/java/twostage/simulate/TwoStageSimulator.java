package twostage.simulate;

import org.apache.commons.rng.UniformRandomProvider;
import twostage.random.Streams;

/**
 * Runs one replicate of the two-stage pipeline (Section 3): m = ⌊αn⌋ pre-training samples, the
 * pre-training fit, the downstream design X_1:n, the minimum-norm OLS fit and its exact conditional
 * risk (Proposition B.1). A replicate is a pure function of (model, seed, n, α, index): its three
 * stages draw from {@code Streams.of(seed, n, index, stage)}.
 */
public final class TwoStageSimulator {
  private final TwoStageModel model;
  private final double alpha;
  private final long seed;

  /**
   * @param model the case study
   * @param alpha m/n
   * @param seed the run's seed
   */
  public TwoStageSimulator(TwoStageModel model, double alpha, long seed) {
    if (!(alpha > 0) || Double.isInfinite(alpha)) {
      throw new IllegalArgumentException("alpha must be > 0 and finite, got " + alpha);
    }
    this.model = model;
    this.alpha = alpha;
    this.seed = seed;
  }

  /** m = ⌊αn⌋. */
  public int pretrainingSize(int n) {
    double m = Math.floor(alpha * n);
    if (m < 1 || m > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("m = floor(alpha*n) must be in [1, 2^31-9], got " + m + " for n=" + n);
    }
    return (int) m;
  }

  /**
   * CPU time of the calling thread in nanoseconds (wall time where the JVM cannot measure it): on a
   * shared machine the per-replicate cost is then what this replicate used, not what others took.
   */
  static long cpuNanos() {
    java.lang.management.ThreadMXBean bean = java.lang.management.ManagementFactory.getThreadMXBean();
    return bean.isCurrentThreadCpuTimeSupported() ? bean.getCurrentThreadCpuTime() : System.nanoTime();
  }

  /** Replicate {@code index} at downstream size {@code n}; timings in thread CPU seconds. */
  public Replicate.Timed run(int n, int index) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be >= 1, got " + n);
    }
    int m = pretrainingSize(n);
    long t0 = cpuNanos();
    UniformRandomProvider pre = Streams.of(seed, n, index, 0);
    LearnedRepresentation rep = model.pretrain(pre, m);
    long t1 = cpuNanos();
    DesignMoments design = rep.design(Streams.of(seed, n, index, 1), n);
    long t2 = cpuNanos();
    PopulationMoments pop = rep.population(Streams.of(seed, n, index, 2));
    RiskDecomposition risk = RiskDecomposition.of(pop, design, model.noiseVariance());
    long t3 = cpuNanos();
    Replicate r = new Replicate(
        n, m, index,
        n * risk.representation(), n * risk.representationStdError(),
        n * risk.leakage(), n * risk.variance(), rep.diagnostics());
    return new Replicate.Timed(r, new Replicate.Timings((t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9));
  }
}
