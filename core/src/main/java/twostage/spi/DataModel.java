package twostage.spi;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import twostage.data.DataSet;

/**
 * What a {@link CaseStudy} offers for data (docs/data.md): from unlabeled inputs and labeled pairs,
 * the plug-in (sandwich) inputs of Theorem 5.1 at the fitted parameter, so that the limit law, α₀ and
 * the plan are estimated from samples instead of a known population. Offered through
 * {@link CaseStudy#data()}.
 *
 * <p>Every method is a pure function of its arguments (the seed drives any random start of the
 * estimator), so a bootstrap replicate gives the same numbers on any thread and on Spark.
 */
public interface DataModel {
  /**
   * The options that apply to data (e.g. the number of factors {@code --k}), with their defaults. Names
   * shared with {@link CaseStudy#parameters()} mean the same thing; the case study's other instance
   * options describe a population and are refused beside data.
   */
  List<Parameter> dataParameters();

  /**
   * Refuses data too small for the model: fewer rows than the estimates need.
   *
   * @throws IllegalArgumentException naming the file, the row count, the dimension and the rule
   */
  void checkSizes(DataSet data, Settings settings);

  /**
   * The plug-in inputs at the estimator fitted to {@code data}: ŵ from the unlabeled rows, Ĥ and Ŝ as
   * empirical means of per-row Hessians and score outer products at ŵ, θ̂ and σ̂² by least squares of y
   * on ψ(x, ŵ) over the labeled rows, and Σ̂ψ, Ĉ, Ê[JJᵀ] as means over the labeled rows.
   *
   * @param seed random starts of the estimator, if it has any
   * @throws IllegalArgumentException when the data violate an assumption the estimate needs (naming it)
   */
  PlugIn plugIn(DataSet data, Settings settings, long seed);

  /**
   * The two-stage pipeline itself (eqs. 3.2–3.3): the estimator fitted to the unlabeled rows of
   * {@code train}, θ̂ by least squares of y on ψ(x, ŵ) over its labeled rows, and the predictions
   * ⟨θ̂, ψ(x, ŵ)⟩ at the rows of {@code test}. Unlike {@link #plugIn} it never refuses a degenerate fit
   * (a learning curve runs it at small m too).
   *
   * @param seed random starts of the estimator, if it has any
   */
  double[] predict(DataSet train, twostage.data.DataTable test, Settings settings, long seed);

  /**
   * A data set drawn from a known instance of the case study (m unlabeled rows, n labeled rows), for
   * checking the plug-in estimates where the truth is known.
   *
   * @throws IllegalArgumentException when the instance is not one of this case study's
   */
  DataSet simulate(ModelInstance instance, int m, int n, UniformRandomProvider rng);
}
