/**
 * Studies: typed, pure experiment definitions below the command line. Each maps a spec record to
 * tasks ({@link twostage.experiments.Task}: pure functions of spec, seed and index) and a typed result
 * — the limit ({@link twostage.experiments.LimitStudy}), sweeps and Figure 2, the finite-sample
 * validation, the large-m check, the crossover with its baseline replicates, and the plan. Models are
 * named through the registry ({@link twostage.experiments.ModelSpec}), never imported. Tasks run on a
 * {@link twostage.experiments.TaskExecutor} (a local pool, or Spark) and their results go to the one
 * resumable {@link twostage.experiments.ResultStore}.
 */
package twostage.experiments;
