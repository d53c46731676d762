package twostage.theory;

/**
 * How much unlabeled data a user with n labeled samples needs, from the asymptotic expected scaled
 * excess risk E[E_α] = σ² d_eff + E‖L(Z)‖²/α with α = m/n (Theorem 5.1) and the downstream-only
 * baseline σ² d_base (end of Section 5).
 *
 * @param crossover the instance's d_eff, d_base, σ² and E‖L‖²
 * @param n the number of labeled samples
 * @param targetRatio the acceptable ratio of E[E_α] to the floor σ² d_eff (&gt; 1)
 * @param alphaNeeded α = E‖L‖²/((ratio − 1) σ² d_eff) ({@link Crossover#alphaForRatio})
 * @param mNeeded ⌈α n⌉ unlabeled samples (+∞ when no finite m reaches the target)
 * @param userM the user's m, or −1 when not given
 * @param pretrainingDimension dimension of the pre-training parameter modulo its orbits (the engine's
 *     horizontal dimension), used only to warn when m is too small for asymptotics; 0 when unknown
 */
public record PretrainingPlan(
    Crossover crossover,
    long n,
    double targetRatio,
    double alphaNeeded,
    double mNeeded,
    long userM,
    int pretrainingDimension) {

  /** Sample sizes below this multiple of the parameter count are flagged as pre-asymptotic. */
  public static final int ASYMPTOTIC_MULTIPLE = 10;

  /** The plan for n labeled samples, a target ratio and an optional m (−1 for none). */
  public static PretrainingPlan of(Crossover crossover, long n, double targetRatio, long userM) {
    return of(crossover, n, targetRatio, userM, 0);
  }

  /** As {@link #of(Crossover, long, double, long)} with the pre-training dimension for warnings. */
  public static PretrainingPlan of(
      Crossover crossover, long n, double targetRatio, long userM, int pretrainingDimension) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be >= 1, got " + n);
    }
    if (userM < -1 || userM == 0) {
      throw new IllegalArgumentException("m must be >= 1 (or -1 for none), got " + userM);
    }
    double alpha = crossover.alphaForRatio(targetRatio);
    double m = Double.isInfinite(alpha) ? Double.POSITIVE_INFINITY : Math.ceil(alpha * n);
    return new PretrainingPlan(crossover, n, targetRatio, alpha, m, userM, pretrainingDimension);
  }

  /** True when the user gave m. */
  public boolean hasUserM() {
    return userM > 0;
  }

  /** α = m/n at the user's m (NaN when m was not given). */
  public double userAlpha() {
    return hasUserM() ? (double) userM / n : Double.NaN;
  }

  /** E[E_α] at the user's m (NaN when m was not given). */
  public double userTwoStage() {
    return hasUserM() ? crossover.twoStage(userAlpha()) : Double.NaN;
  }

  /** E[E_α] / (σ² d_eff) at the user's m. */
  public double userRatio() {
    return userTwoStage() / crossover.floor();
  }

  /** α₀ n: the m beyond which pre-training beats the downstream-only baseline (NaN if none). */
  public double mCrossover() {
    double a0 = crossover.alpha0();
    return Double.isNaN(a0) || Double.isInfinite(a0) ? a0 : a0 * n;
  }

  /** Whether pre-training beats the baseline at the user's m (false when m was not given). */
  public boolean userPretrainingPays() {
    return hasUserM() && crossover.pretrainingPays(userAlpha());
  }

  /** The plan in plain words (several lines). */
  public String explain() {
    Crossover c = crossover;
    StringBuilder s = new StringBuilder();
    s.append(String.format(
        "With n = %d labeled samples the expected excess risk R - sigma^2 is about (%s + %s/alpha)/n "
            + "with pre-training on m = alpha*n unlabeled samples, and %s/n without (downstream-only "
            + "least squares on the whole class).%n",
        n, fmt(c.floor()), fmt(c.interactionMean()), fmt(c.downstreamOnly())));
    if (c.reparametrisationOnly()) {
      s.append(String.format(
          "Here d_base = d_eff = %d: pre-training only reparametrises the class (L = 0); it neither "
              + "helps nor hurts asymptotically, whatever m.%n", c.dEff()));
    } else {
      s.append(String.format(
          "Pre-training pays once m > alpha0*n = %s (alpha0 = %s; d_base = %d > d_eff = %d).%n",
          fmtCount(mCrossover()), fmt(c.alpha0()), c.dBase(), c.dEff()));
    }
    if (Double.isInfinite(mNeeded)) {
      s.append(String.format(
          "No finite m brings the risk within %.3g x the floor sigma^2 d_eff = %s.%n",
          targetRatio, fmt(c.floor())));
    } else {
      s.append(String.format(
          "To be within %.3g x the floor sigma^2 d_eff = %s you need m >= %s unlabeled samples "
              + "(alpha = %s).%n",
          targetRatio, fmt(c.floor()), fmtCount(mNeeded), fmt(alphaNeeded)));
    }
    if (hasUserM()) {
      s.append(String.format(
          "At your m = %d (alpha = %s): expected n(R - sigma^2) = %s, %.4g x the floor; "
              + "downstream-only gives %s, so pre-training %s.%n",
          userM, fmt(userAlpha()), fmt(userTwoStage()), userRatio(), fmt(c.downstreamOnly()),
          c.reparametrisationOnly() ? "makes no asymptotic difference"
              : userPretrainingPays() ? "PAYS" : "does NOT pay"));
    }
    s.append("(Asymptotic in n and m with m/n -> alpha: Theorem 5.1 and the end of Section 5.)");
    for (String w : warnings()) {
      s.append(System.lineSeparator()).append("Caution: ").append(w);
    }
    return s.toString();
  }

  /**
   * Where the asymptotic answer should not be trusted: n below {@value #ASYMPTOTIC_MULTIPLE}·d_base, or
   * an m (the user's, the crossover's or the target's) below {@value #ASYMPTOTIC_MULTIPLE} times the
   * pre-training dimension.
   */
  public java.util.List<String> warnings() {
    java.util.List<String> w = new java.util.ArrayList<>();
    long nMin = (long) ASYMPTOTIC_MULTIPLE * crossover.dBase();
    if (n < nMin) {
      w.add(String.format("n = %d is below %d x d_base = %d: the downstream-only limit sigma^2 d_base "
          + "(and the n-asymptotics) may be far off at this n.", n, ASYMPTOTIC_MULTIPLE, nMin));
    }
    if (pretrainingDimension > 0) {
      long mMin = (long) ASYMPTOTIC_MULTIPLE * pretrainingDimension;
      String what = String.format(" is below %d x the %d pre-training parameters = %d: the pre-training "
          + "estimator is not in its asymptotic regime there, so this m is only indicative.",
          ASYMPTOTIC_MULTIPLE, pretrainingDimension, mMin);
      if (hasUserM() && userM < mMin) {
        w.add("your m = " + userM + what);
      }
      double mc = mCrossover();
      if (Double.isFinite(mc) && mc < mMin) {
        w.add(String.format("the crossover m = %s", fmtCount(mc)) + what);
      }
      if (Double.isFinite(mNeeded) && mNeeded < mMin) {
        w.add(String.format("the target m = %s", fmtCount(mNeeded)) + what);
      }
    }
    return w;
  }

  private static String fmt(double v) {
    return String.format("%.4g", v);
  }

  private static String fmtCount(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return Double.toString(v);
    }
    return v < 1e15 ? String.format("%d", (long) Math.ceil(v)) : String.format("%.3g", v);
  }
}
