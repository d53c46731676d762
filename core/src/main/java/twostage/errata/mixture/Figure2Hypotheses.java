package twostage.errata.mixture;

/**
 * Tests hypotheses about the setting behind the paper's Figure 2 against its digitised points, using the
 * exact d-dependence of the Appendix K mixture: at fixed (K, β), E‖L(Z)‖²(d) = s·(a + b d)/(d + 1) with
 * a, b computed by the dimension reduction (docs/gmm-dimension-reduction.md) and s = ‖θ⋆‖² (the law
 * scales with the square of θ⋆'s norm). Fitting d (and optionally s) to a panel's points by least
 * squares on the log scale says which dimension and norm the paper's values are consistent with
 * (docs/figure2.md).
 */
public final class Figure2Hypotheses {
  private Figure2Hypotheses() {}

  /**
   * A fit of the panel's points.
   *
   * @param d the dimension that fits best
   * @param scale ‖θ⋆‖² that fits best (the fixed value when not fitted)
   * @param rms root mean square of log(paper / fitted)
   * @param dLow lower end of the 95% profile interval of d
   * @param dHigh upper end of the 95% profile interval of d
   */
  public record Fit(double d, double scale, double rms, double dLow, double dHigh) {}

  /** Smallest and largest dimension searched. */
  static final double D_MIN = 1;

  static final double D_MAX = 2000;

  /**
   * Fits d (and ‖θ⋆‖² when {@code fixedScale} is NaN) to the paper's values.
   *
   * @param paper the paper's digitised values, one per point
   * @param a the exact form's a at each point's (K, β), for unit ‖θ⋆‖
   * @param b the exact form's b at each point
   * @param fixedScale ‖θ⋆‖², or NaN to fit it
   */
  public static Fit fit(double[] paper, double[] a, double[] b, double fixedScale) {
    int n = paper.length;
    boolean free = Double.isNaN(fixedScale);
    int grid = 4000;
    double[] ds = new double[grid];
    double[] ss = new double[grid];
    double[] scales = new double[grid];
    int best = 0;
    for (int g = 0; g < grid; g++) {
      double d = D_MIN * Math.pow(D_MAX / D_MIN, (double) g / (grid - 1));
      double[] logs = new double[n];
      double mean = 0;
      for (int i = 0; i < n; i++) {
        logs[i] = Math.log(paper[i] / ((a[i] + b[i] * d) / (d + 1)));
        mean += logs[i] / n;
      }
      double shift = free ? mean : Math.log(fixedScale);
      double s = 0;
      for (double l : logs) {
        s += (l - shift) * (l - shift);
      }
      ds[g] = d;
      ss[g] = Double.isNaN(s) ? Double.POSITIVE_INFINITY : s;
      scales[g] = Math.exp(shift);
      if (ss[g] < ss[best]) {
        best = g;
      }
    }
    // profile interval: (SS(d) − SS_min)/σ̂² below the 95% point of χ²₁, σ̂² from the residuals
    double sigma2 = ss[best] / Math.max(1, n - 1 - (free ? 1 : 0));
    double lo = ds[best];
    double hi = ds[best];
    for (int g = 0; g < grid; g++) {
      if ((ss[g] - ss[best]) / sigma2 < 3.841) {
        lo = Math.min(lo, ds[g]);
        hi = Math.max(hi, ds[g]);
      }
    }
    return new Fit(ds[best], scales[best], Math.sqrt(ss[best] / n), lo, hi);
  }
}
