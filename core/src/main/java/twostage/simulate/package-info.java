/**
 * The finite-sample two-stage pipeline (Section 3) and its exact conditional risk (Proposition B.1):
 * one replicate draws m = ⌊αn⌋ pre-training samples, fits the pre-training estimator, draws the
 * downstream design X_1:n, and evaluates n·Rep, n·Leakage_n and n·Var_n with label noise averaged
 * analytically. Pure computation: no files, threads or printing.
 *
 * <p>A case study plugs in through {@link twostage.simulate.TwoStageModel} (pre-training fit) and
 * {@link twostage.simulate.LearnedRepresentation} (design and population moments of the learned
 * features); {@link twostage.simulate.TwoStageSimulator} runs one replicate and
 * {@link twostage.simulate.ValidationPoint} summarises the replicates of one n against the limit law.
 */
package twostage.simulate;
