package twostage.cli;

/** How the limit's moments are obtained. */
public enum Method {
  /** Closed-form population moments (Gaussian models). */
  EXACT,
  /** Monte Carlo moments with jackknife standard errors. */
  MONTECARLO
}
