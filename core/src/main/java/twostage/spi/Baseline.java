package twostage.spi;

import java.util.function.Supplier;
import twostage.baseline.BaselineProblem;
import twostage.baseline.LocalChart;
import twostage.theory.TangentRank;

/**
 * The downstream-only baseline of an instance (end of Section 5): least squares over the whole class
 * F = {⟨θ, ψ(·, w)⟩}, whose limit is σ² d_base.
 *
 * @param problem the regression problem (class, truth, design, noise, exact risk if known)
 * @param dBase d_base = rank E[[ψ; J][ψ; J]ᵀ] with its eigenvalue gap
 * @param chart the local chart of F at the truth (built on demand: only the simulation needs it)
 * @param linearGaussian F is a linear space of functions of a Gaussian x, so that E[n(R − σ²)] of
 *     least squares is σ² d_base n/(n − d_base − 1) exactly (the inverse-Wishart mean)
 */
public record Baseline(
    BaselineProblem problem, TangentRank dBase, Supplier<LocalChart> chart, boolean linearGaussian) {

  /** True when the problem has an exact excess risk, so a simulated replicate is cheap. */
  public boolean exactRisk() {
    return problem.excess() != null;
  }
}
