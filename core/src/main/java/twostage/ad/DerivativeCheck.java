package twostage.ad;

/**
 * One derivative checked against central finite differences and by its Taylor remainder (as
 * Pymanopt's {@code checkgradient}): for a direction d, r(t) = ‖F(w + td) − F(w) − t·DF(w)[d]‖ must
 * fall as t², so the slope of log r against log t is 2 where r is above round-off.
 *
 * @param quantity what was checked ("loss gradient", "loss Hessian", "feature Jacobian", "hand score", ...)
 * @param relativeError ‖DF[d] − FD[d]‖ / max(‖FD[d]‖, ‖DF[d]‖, tiny) with central differences at step h
 * @param slope least-squares slope of log r(t) on log t over t ∈ [1e-5, 1e-1] above round-off; NaN when
 *     r is at round-off throughout (F is linear along d: the derivative is exact)
 * @param steps the t values
 * @param remainders r(t)
 * @param passed relativeError ≤ {@link #MAX_RELATIVE_ERROR} and slope within [1.8, 2.2] (or NaN)
 */
public record DerivativeCheck(
    String quantity, double relativeError, double slope, double[] steps, double[] remainders, boolean passed) {

  /** Largest accepted relative error of a derivative against central differences. */
  public static final double MAX_RELATIVE_ERROR = 1e-5;
}
