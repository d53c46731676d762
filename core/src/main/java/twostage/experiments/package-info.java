/**
 * Experiment tasks: pure functions of (spec, seed) whose results the report layer stores, resumes and
 * draws. {@link twostage.experiments.GmmPoint} is one point of the Gaussian-mixture sweeps of Figure 2
 * (Appendix K), computed by the exact dimension reduction (docs/gmm-dimension-reduction.md) or by the
 * direct engine.
 */
package twostage.experiments;
