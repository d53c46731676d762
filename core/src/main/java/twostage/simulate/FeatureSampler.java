package twostage.simulate;

import org.apache.commons.rng.UniformRandomProvider;

/** Draws (φ(x), f⋆(x)) for x ~ µ_down: the only access Monte Carlo moments need. */
public interface FeatureSampler {
  /** p. */
  int featureDimension();

  /** Fills {@code count} rows of φ (row-major count×p) and of f⋆ (count). */
  void draw(UniformRandomProvider rng, int count, double[] features, double[] target);

  /**
   * The draws of {@link #draw} from the same stream, stored by coordinate: features[j][n] is φ_j of
   * sample n (p arrays of length at least {@code count}). The default transposes {@link #draw}'s rows.
   */
  default void drawColumns(UniformRandomProvider rng, int count, double[][] features, double[] target) {
    int p = featureDimension();
    double[] rows = new double[count * p];
    draw(rng, count, rows, target);
    for (int j = 0; j < p; j++) {
      double[] c = features[j];
      for (int n = 0; n < count; n++) {
        c[n] = rows[n * p + j];
      }
    }
  }
}
