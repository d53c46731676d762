package twostage.simulate;

import org.apache.commons.rng.UniformRandomProvider;

/** Draws (φ(x), f⋆(x)) for x ~ µ_down: the only access Monte Carlo moments need. */
public interface FeatureSampler {
  /** p. */
  int featureDimension();

  /** Fills {@code count} rows of φ (row-major count×p) and of f⋆ (count). */
  void draw(UniformRandomProvider rng, int count, double[] features, double[] target);
}
