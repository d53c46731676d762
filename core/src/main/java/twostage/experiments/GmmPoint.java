package twostage.experiments;

import java.io.Serializable;
import java.util.Locale;
import twostage.exec.Runner;
import twostage.models.mixture.MixtureInstance;
import twostage.models.mixture.MixtureLimit;
import twostage.models.mixture.MixtureReduction;
import twostage.stats.Estimate;
import twostage.stats.Jackknife;
import twostage.theory.InteractionEstimate;

/**
 * One point of a Gaussian-mixture sweep: the Appendix K instance (K, d, β, ‖θ⋆‖, σ) and how to
 * estimate E‖L(Z)‖² there. A pure function of its fields: the random streams derive from the seed
 * alone, so a point computed twice, on any number of threads, gives the same bits. Serializable (with
 * its result) so that the spark module can ship points to executors.
 *
 * @param k K
 * @param d d
 * @param beta β
 * @param thetaNorm ‖θ⋆‖ in ambient coordinates
 * @param sigma label-noise standard deviation
 * @param fisherSamples Monte Carlo samples for the Fisher information
 * @param samples Monte Carlo samples for the downstream moments
 * @param groups jackknife groups
 * @param seed random seed
 * @param method how to compute
 */
public record GmmPoint(
    int k, int d, double beta, double thetaNorm, double sigma, long fisherSamples, long samples,
    int groups, long seed, Method method) implements Serializable {

  /** How E‖L(Z)‖² is computed. */
  public enum Method {
    /**
     * The exact reduction to the r⋆ = K − 1 intrinsic coordinates plus (d − r⋆) identical isotropic
     * blocks (docs/gmm-dimension-reduction.md); cost independent of d. Valid for every equal-weight
     * mixture with identity covariances, hence for every point of these sweeps.
     */
    REDUCED,
    /** The direct engine on all K·d centre coordinates (cost grows like (K·d)²; for validation). */
    DIRECT
  }

  /** A stable key that encodes every field: equal keys mean equal results. */
  public String key() {
    return String.format(Locale.ROOT,
        "gmm K=%d d=%d beta=%s thetaNorm=%s sigma=%s fisher=%d samples=%d groups=%d seed=%d method=%s",
        k, d, Double.toString(beta), Double.toString(thetaNorm), Double.toString(sigma),
        fisherSamples, samples, groups, seed, method.name().toLowerCase(Locale.ROOT));
  }

  /** The instance of Appendix K. */
  public MixtureInstance instance() {
    return MixtureInstance.appendixK(k, d, beta, thetaNorm, sigma);
  }

  /** Computes the point with {@code runner} (use a sequential runner when points run in parallel). */
  public GmmPointResult compute(Runner runner) {
    long t0 = System.nanoTime();
    if (method == Method.DIRECT) {
      InteractionEstimate est =
          MixtureLimit.compute(instance(), fisherSamples, samples, groups, seed, runner).estimate();
      return new GmmPointResult(this, est.interactionMean(), est.mean().estimate(),
          est.interaction().dEff(), est.interaction().weights(), null, null, null, 0, null, null,
          (System.nanoTime() - t0) / 1e9);
    }
    MixtureReduction.Result red =
        MixtureReduction.compute(instance(), fisherSamples, samples, groups, seed, runner);
    int r = red.rank();
    // Appendix K: Pθ⋆ = 0 and c² = ‖θ⋆‖²/((d+1)Σi⁻²), so (d+1)E‖L‖² = a + b d with
    // b = (d+1)·tr(R⁻¹A) and a = (d+1)·(tr(F_int⁻¹G_int) − r⋆·tr(R⁻¹A)), both free of d.
    Jackknife a = red.combination(d + 1.0, -(d + 1.0) * r);
    Jackknife b = red.combination(0.0, d + 1.0);
    return new GmmPointResult(this, red.mean(), red.total().estimate(), red.intrinsic().dEff(),
        red.intrinsic().weights(), red.intrinsicPart(), red.perDirectionPart(),
        red.isotropicWeights(), red.multiplicity(), a.corrected(), b.corrected(),
        (System.nanoTime() - t0) / 1e9);
  }

  /** Relative cost of this point, for scheduling the expensive points first. */
  public double cost() {
    int q = method == Method.DIRECT ? k * d : k * (k - 1);
    int p = k * k;
    double row = p + q + k;
    // per sample: a gram update of the row (ψ alone in the Fisher stage) plus drawing and evaluating
    // the sample (~800 + 20K² operations, measured); plus a fixed overhead per point
    double perSample = 800 + 20.0 * k * k;
    return samples * (row * row / 2 + perSample) + fisherSamples * (p * p / 2.0 + perSample) + 5e7;
  }
}
