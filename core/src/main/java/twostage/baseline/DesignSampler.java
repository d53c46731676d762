package twostage.baseline;

import org.apache.commons.rng.UniformRandomProvider;

/** Draws downstream inputs x ~ µ_down. Implementations must be thread-safe. */
public interface DesignSampler {
  /** Fills {@code count} rows of {@code out} (row-major count×dimension). */
  void draw(UniformRandomProvider rng, int count, double[] out);
}
