package twostage.experiments;

import java.io.Serializable;
import twostage.stats.Estimate;

/**
 * The estimate at one {@link GmmPoint}.
 *
 * @param point what was computed
 * @param mean E‖L(Z)‖², jackknife bias-corrected, with its standard error
 * @param plugInMean the uncorrected plug-in value
 * @param dEff rank of E[ψψᵀ] (= K(r⋆+1))
 * @param weights weights λ of ‖L(Z)‖² = Σλχ²₁: all K·d of them (direct) or the K·r⋆ intrinsic ones
 *     (reduced; the others are {@code isotropicWeights}, each repeated {@code multiplicity} times)
 * @param intrinsicPart tr(F_int⁻¹G_int) (reduced only, else null)
 * @param perDirection tr(R⁻¹A), the contribution of each isotropic direction (reduced only)
 * @param isotropicWeights eig(R^{-1/2}AR^{-1/2}) (reduced only)
 * @param multiplicity d − r⋆ (reduced only, else 0)
 * @param exactA a of E‖L‖²(d) = (a + b d)/(d + 1) at this (K, β) (reduced only)
 * @param exactB b, the limit as d → ∞ (reduced only)
 * @param seconds wall-clock time of the computation (the only field that differs between runs)
 */
public record GmmPointResult(
    GmmPoint point,
    Estimate mean,
    double plugInMean,
    int dEff,
    double[] weights,
    Estimate intrinsicPart,
    Estimate perDirection,
    double[] isotropicWeights,
    int multiplicity,
    Estimate exactA,
    Estimate exactB,
    double seconds) implements Serializable {}
