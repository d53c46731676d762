package twostage.random;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Deterministic random streams derived from a seed and a path of indices.
 *
 * <p>Every task in twostage draws from {@code Streams.of(seed, stage, group, index...)}: its random
 * numbers depend on those values only, never on the thread, the machine or the order of execution, so
 * one thread, many threads and a Spark cluster produce the same bits.
 */
public final class Streams {
  private Streams() {}

  /** A xoshiro256++ generator whose state is derived from {@code seed} and {@code path} by SplitMix64. */
  public static UniformRandomProvider of(long seed, long... path) {
    long h = mix(seed ^ 0x9E3779B97F4A7C15L);
    for (long p : path) {
      h = mix(h ^ mix(p + 0x632BE59BD9B4E019L));
    }
    long[] state = new long[4];
    long s = h;
    for (int i = 0; i < 4; i++) {
      s += 0x9E3779B97F4A7C15L;
      state[i] = mix(s);
    }
    return RandomSource.XO_SHI_RO_256_PP.create(state);
  }

  /** A 64-bit seed derived from {@code seed} and {@code path}, for handing to another component. */
  public static long derive(long seed, long... path) {
    return of(seed, path).nextLong();
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
