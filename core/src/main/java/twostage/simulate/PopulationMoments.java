package twostage.simulate;

import org.ejml.data.DMatrixRMaj;
import twostage.stats.Estimate;

/**
 * Population moments of the learned features under µ_down.
 *
 * @param gram Σ = E[φφᵀ] (p×p)
 * @param coefficients a = Σ⁺E[f⋆φ], the population least-squares coefficients (length p)
 * @param representationError Rep = E[(f⋆ − φᵀa)²] with its Monte Carlo standard error (0 if exact)
 * @param samples Monte Carlo sample size behind these moments (0 when exact)
 */
public record PopulationMoments(
    DMatrixRMaj gram, double[] coefficients, Estimate representationError, long samples) {}
