package twostage.models.spectral;

/**
 * One fit of the empirical spectral minimiser.
 *
 * @param a the minimiser Â (k×d), a representative of its O(k) orbit
 * @param loss the empirical loss at Â
 * @param gradientNorm ‖∇f(Â)‖_F, the norm of the Riemannian gradient on the quotient (the Euclidean
 *     gradient of an O(k)-invariant loss is horizontal)
 * @param iterations Newton iterations taken
 * @param converged whether gradientNorm reached the tolerance
 * @param rep Rep(M̂) = E[(f⋆ − Π_M̂ f⋆)²] under µ_down, in closed form for Gaussian x
 * @param excessLoss L(M̂) − L(M⋆) of the population loss (Appendix H.7: m times it tends to Q)
 */
public record SpectralFit(
    double[][] a,
    double loss,
    double gradientNorm,
    int iterations,
    boolean converged,
    double rep,
    double excessLoss) {}
