package twostage.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.commons.rng.UniformRandomProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import twostage.exec.SequentialRunner;
import twostage.exec.ThreadPoolRunner;
import twostage.linalg.Blas;
import twostage.linalg.GramSum;
import twostage.models.mixture.FiniteDifferenceDownstreamSampler;
import twostage.models.mixture.MixtureDownstreamSampler;
import twostage.models.mixture.MixtureInstance;
import twostage.models.mixture.MixtureLimit;
import twostage.models.mixture.MixtureReduction;
import twostage.models.mixture.MixtureSampling;
import twostage.models.mixture.MixtureScoreSampler;
import twostage.random.Streams;
import twostage.theory.MonteCarloMoments;

/**
 * {@code twostage bench}: timings of one mixture point (analytic against finite-difference Jacobian,
 * measured in the same run) and where the time goes. Timings drift on shared machines: read ratios.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Benchmark one Gaussian-mixture point; prints timings and ratios.",
    subcommands = {BenchAdCommand.class})
public final class BenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--K", defaultValue = "4", description = "Number of components K (default: ${DEFAULT-VALUE}).")
  int k;

  @Option(names = "--d", defaultValue = "20", description = "Ambient dimension d (>= K) (default: ${DEFAULT-VALUE}).")
  int d;

  @Option(names = "--beta", defaultValue = "2", description = "Centre scale: u*_i = beta e_i (default: ${DEFAULT-VALUE}).")
  double beta;

  @Option(names = "--fisher-samples", defaultValue = "100000", converter = Counts.class,
      description = "Monte Carlo samples for the Fisher information (default: ${DEFAULT-VALUE}).")
  long fisherSamples;

  @Option(names = "--samples", defaultValue = "1000000", converter = Counts.class,
      description = "Monte Carlo samples for the downstream moments (default: ${DEFAULT-VALUE}).")
  long samples;

  @Option(names = "--fd-samples", defaultValue = "1000000", converter = Counts.class,
      description = "Downstream samples for the finite-difference run (default: ${DEFAULT-VALUE}).")
  long fdSamples;

  @Option(names = "--repeats", defaultValue = "3", description = "Timed repeats of the analytic point.")
  int repeats;

  @Option(names = "--threads", description = "Threads (default: all processors).")
  Integer threads;

  @Override
  public Integer call() {
    Check.atLeast(spec, "--K", k, 2);
    Check.rule(spec, d >= k, "--d must be >= --K, got d=" + d + ", K=" + k);
    Check.positive(spec, "--beta", beta);
    Check.atLeast(spec, "--fisher-samples", fisherSamples, 20);
    Check.atLeast(spec, "--samples", samples, 20);
    Check.atLeast(spec, "--fd-samples", fdSamples, 20);
    Check.atLeast(spec, "--repeats", repeats, 1);
    int t = RunOptions.threads(threads);
    PrintWriter out = spec.commandLine().getOut();
    MixtureInstance inst = MixtureInstance.appendixK(k, d, beta, 1.0, 0.5);
    double directMedian;
    double directCpuMedian;
    out.printf(Locale.ROOT, "bench: K=%d d=%d beta=%s, %d Fisher + %d downstream samples, %d threads, max heap %d MB%n",
        k, d, beta, fisherSamples, samples, t, Runtime.getRuntime().maxMemory() >> 20);
    try (ThreadPoolRunner runner = new ThreadPoolRunner(t)) {
      MixtureLimit.compute(inst, fisherSamples / 10 + 20, samples / 10 + 20, 20, 99, runner);
      double[] secs = new double[repeats];
      double[] cpu = new double[repeats];
      double value = 0;
      for (int r = 0; r < repeats; r++) {
        long c0 = processCpuNanos();
        long t0 = System.nanoTime();
        value = MixtureLimit.compute(inst, fisherSamples, samples, 20, 1 + r, runner)
            .estimate().interactionMean().value();
        secs[r] = (System.nanoTime() - t0) / 1e9;
        cpu[r] = (processCpuNanos() - c0) / 1e9;
      }
      Arrays.sort(secs);
      Arrays.sort(cpu);
      directMedian = secs[repeats / 2];
      directCpuMedian = cpu[repeats / 2];
      out.printf(Locale.ROOT, "direct, analytic J : point in %.3f s (min of %d; median %.3f s; CPU of the process"
          + " %.3f s, median), E||L||^2 = %.6g%n", secs[0], repeats, secs[repeats / 2], directCpuMedian, value);
      double[] red = new double[repeats];
      double redValue = 0;
      for (int r = 0; r < repeats; r++) {
        long t1 = System.nanoTime();
        redValue = MixtureReduction.compute(inst, fisherSamples, samples, 20, 1 + r, runner).mean().value();
        red[r] = (System.nanoTime() - t1) / 1e9;
      }
      Arrays.sort(red);
      out.printf(Locale.ROOT, "reduced (limit gmm default): point in %.3f s (min of %d; median %.3f s), E||L||^2 = %.6g%n",
          red[0], repeats, red[repeats / 2], redValue);
      long t0 = System.nanoTime();
      double fdValue = MixtureLimit.compute(
              inst, new FiniteDifferenceDownstreamSampler(inst, 1e-5), fisherSamples, fdSamples, 20, 1, runner)
          .estimate().interactionMean().value();
      double fd = (System.nanoTime() - t0) / 1e9;
      double fdScaled = fd * samples / (double) fdSamples;
      out.printf(Locale.ROOT, "direct, finite-diff J: point in %.3f s at %d samples (%.3f s scaled to %d), E||L||^2 = %.6g%n",
          fd, fdSamples, fdScaled, samples, fdValue);
      out.printf(Locale.ROOT, "speed-up of the analytic Jacobian (direct method): %.1fx; of the reduction over"
          + " finite differences: %.1fx%n", fdScaled / secs[0], fdScaled / red[0]);
    }
    breakdown(out, inst, t, directMedian, directCpuMedian);
    return 0;
  }

  /**
   * Single-thread cost per stage over the downstream sample count, then the accounting of the rank-k
   * updates: their multiply-adds, the rate of the tuned and of the pure-Java kernel, and the floor (the
   * point's multiply-adds at the machine's dgemm peak on every thread).
   */
  private void breakdown(
      PrintWriter out, MixtureInstance inst, int threads, double pointSeconds, double pointCpuSeconds) {
    int block = MonteCarloMoments.BLOCK;
    MixtureDownstreamSampler down = new MixtureDownstreamSampler(inst);
    int p = down.featureDimension();
    int q = down.parameterDimension();
    MixtureSampling sampling = new MixtureSampling(inst.centres());
    double[][] x = new double[d][block];
    double[][] columns = new double[p + q][block];
    long blocks = Math.max(1, samples / block);
    UniformRandomProvider rng = Streams.of(5);
    UniformRandomProvider drawOnly = Streams.of(6);
    double javaRate = 0;
    for (int w = 0; w < 2; w++) {
      long tSample = 0;
      long tDrawEval = 0;
      long tAcc = 0;
      try (GramSum gram = GramSum.create(p + q, block)) {
        for (long b = 0; b < blocks; b++) {
          long a0 = cpuNanos();
          sampling.drawColumns(drawOnly, block, x);
          long a1 = cpuNanos();
          down.sampleColumns(rng, block, columns);
          long a2 = cpuNanos();
          gram.addColumns(columns, block);
          long a3 = cpuNanos();
          tSample += a1 - a0;
          tDrawEval += a2 - a1;
          tAcc += a3 - a2;
        }
      }
      long tEval = Math.max(0, tDrawEval - tSample);
      long a0 = cpuNanos();
      MonteCarloMoments.pretraining(new MixtureScoreSampler(inst), fisherSamples, 20, 3, new SequentialRunner());
      long tFisher = cpuNanos() - a0;
      long javaBlocks = Math.max(1, blocks / 4);
      long j0 = cpuNanos();
      try (GramSum gram = GramSum.createJava(p + q, block)) {
        for (long b = 0; b < javaBlocks; b++) {
          gram.addColumns(columns, block);
        }
      }
      javaRate = fma(p + q, javaBlocks * block) / ((cpuNanos() - j0) / 1e9) / 1e9;
      if (w == 1) {
        double total = (tSample + tEval + tAcc + tFisher) / 1e9;
        out.printf(Locale.ROOT, "where the time goes (CPU time of one thread, %d downstream + %d Fisher samples):%n",
            blocks * block, fisherSamples);
        row(out, "sampling x", tSample, total);
        row(out, "features psi + Jacobian J (by coordinate, per block)", tEval, total);
        row(out, "accumulating E[psi psi'], E[psi J'], E[J J']", tAcc, total);
        row(out, "Fisher: sampling, scores, accumulation", tFisher, total);
        double accRate = fma(p + q, blocks * block) / (tAcc / 1e9) / 1e9;
        out.printf(Locale.ROOT, "rank-k updates (%s):%n", Blas.describe());
        out.printf(Locale.ROOT, "  downstream samples [psi, J] of width %d: %.3g GFMA per 1e6 samples, %.1f GFMA/s"
            + " (pure-Java kernel: %.1f GFMA/s)%n", p + q, fma(p + q, 1_000_000) / 1e9, accRate, javaRate);
        double pointFma = fma(p + q, samples) + fma(q, fisherSamples);
        double peak = Blas.peakRate(1000, 5);
        if (Double.isNaN(peak)) {
          out.printf(Locale.ROOT, "  floor: n/a (the dgemm peak is measured with OpenBLAS only)%n");
        } else {
          double floor = pointFma / (peak * 1e9 * threads);
          double core = pointFma / (peak * 1e9);
          out.printf(Locale.ROOT, "  floor: %.3g GFMA in the point at the dgemm peak %.1f GFMA/s x %d threads"
              + " = %.3f s; direct point (median) / floor = %.1fx%n",
              pointFma / 1e9, peak, threads, floor, pointSeconds / floor);
          out.printf(Locale.ROOT, "  in core-seconds (what a shared machine cannot distort): %.3f s of CPU against"
              + " %.3f s at the peak on one core = %.1fx%n", pointCpuSeconds, core, pointCpuSeconds / core);
        }
      }
    }
  }

  /** CPU time of the whole process (all threads), or wall time where the JVM cannot measure it. */
  private static long processCpuNanos() {
    java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun && sun.getProcessCpuTime() >= 0) {
      return sun.getProcessCpuTime();
    }
    return System.nanoTime();
  }

  /** CPU time of the calling thread (wall time where the JVM cannot measure it). */
  private static long cpuNanos() {
    java.lang.management.ThreadMXBean bean = java.lang.management.ManagementFactory.getThreadMXBean();
    return bean.isCurrentThreadCpuTimeSupported() ? bean.getCurrentThreadCpuTime() : System.nanoTime();
  }

  /** Multiply-adds of the lower triangle of Σ x xᵀ over {@code rows} rows of width {@code dim}. */
  private static double fma(int dim, long rows) {
    return (double) dim * (dim + 1) / 2 * rows;
  }

  private static void row(PrintWriter out, String name, long nanos, double total) {
    out.printf(Locale.ROOT, "  %-46s %8.3f s  (%4.1f%%)%n", name, nanos / 1e9, 100 * nanos / 1e9 / total);
  }
}
