package twostage.errata.spectral;

import java.util.ArrayList;
import java.util.List;
import twostage.models.spectral.SpectralInstance;
import twostage.models.spectral.SpectralLimit;

/** The prior-art comparison of Appendix H.7 over a grid of (k, d) on the Corollary 6.3 instance. */
public final class SpectralPriorArt {
  /** Default cap on q = kd for running the exact engine beside the closed forms. */
  public static final int DEFAULT_ENGINE_CAP = 120;

  private SpectralPriorArt() {}

  /**
   * One row per (k, d) with 1 ≤ k &lt; d, in the order given.
   *
   * @param engineCap run the exact engine only when k·d ≤ engineCap (its cost grows like (kd)²d²);
   *     otherwise the engine columns are NaN and the corrected closed forms (verified against the
   *     engine to 1e-9 in tests) stand alone
   */
  public static List<SpectralPriorArtRow> grid(int[] ks, int[] ds, int engineCap) {
    List<SpectralPriorArtRow> rows = new ArrayList<>();
    for (int k : ks) {
      for (int d : ds) {
        if (k < 1 || k >= d) {
          continue;
        }
        rows.add(row(k, d, engineCap));
      }
    }
    return rows;
  }

  /** One row. */
  public static SpectralPriorArtRow row(int k, int d, int engineCap) {
    SpectralInstance inst = SpectralInstance.corollary63(k, d);
    double factor = SpectralPaper.conditioningFactor(inst);
    double eqPaper = SpectralPaper.excessLossMean(inst);
    double eqCorrected = SpectralCorrected.excessLossMean(inst);
    boolean engine = (long) k * d <= engineCap;
    double eqExact = engine ? SpectralLimit.excessLossMean(inst) : Double.NaN;
    double interactionExact = engine ? SpectralLimit.exact(inst).mean() : Double.NaN;
    double lPaper = SpectralPaper.corollary63(k, d).mean();
    double lCorrected = SpectralCorrected.corollary63(k, d).mean();
    return new SpectralPriorArtRow(k, d, factor, eqPaper, eqCorrected, eqExact, factor * eqPaper,
        factor * eqCorrected, (double) k * (d - k) * factor, lPaper, lCorrected, interactionExact,
        factor * eqPaper / lPaper, factor * eqCorrected / lCorrected);
  }
}
