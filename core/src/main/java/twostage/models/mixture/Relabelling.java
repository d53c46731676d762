package twostage.models.mixture;

/**
 * The distance from estimated centres to the truth modulo the label-switching group S_K: the
 * permutation π minimising max_i ‖û_{π(i)} − u⋆_i‖ (found exactly by dynamic programming over subsets,
 * O(K² 2^K)) and that distance.
 *
 * @param order estimated component {@code order[i]} is matched with true component i
 * @param distance max_i ‖û_{order[i]} − u⋆_i‖ (Euclidean)
 */
public record Relabelling(int[] order, double distance) {

  /** Limit on K for the exact search (2^K states). */
  public static final int MAX_COMPONENTS = 20;

  /** The best relabelling of {@code estimate} onto {@code truth}. */
  public static Relabelling of(double[][] estimate, double[][] truth) {
    int k = truth.length;
    if (estimate.length != k || k > MAX_COMPONENTS) {
      throw new IllegalArgumentException("need the same K <= " + MAX_COMPONENTS + " on both sides");
    }
    double[][] cost = new double[k][k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        double s = 0;
        for (int a = 0; a < truth[i].length; a++) {
          double v = estimate[j][a] - truth[i][a];
          s += v * v;
        }
        cost[i][j] = Math.sqrt(s);
      }
    }
    int states = 1 << k;
    double[] best = new double[states];
    int[] choice = new int[states];
    java.util.Arrays.fill(best, Double.POSITIVE_INFINITY);
    best[0] = 0;
    for (int mask = 0; mask < states; mask++) {
      if (best[mask] == Double.POSITIVE_INFINITY) {
        continue;
      }
      int i = Integer.bitCount(mask); // next true component to match
      if (i == k) {
        continue;
      }
      for (int j = 0; j < k; j++) {
        if ((mask & (1 << j)) != 0) {
          continue;
        }
        int next = mask | (1 << j);
        double v = Math.max(best[mask], cost[i][j]);
        if (v < best[next]) {
          best[next] = v;
          choice[next] = j;
        }
      }
    }
    int[] order = new int[k];
    int mask = states - 1;
    for (int i = k - 1; i >= 0; i--) {
      int j = choice[mask];
      order[i] = j;
      mask &= ~(1 << j);
    }
    return new Relabelling(order, best[states - 1]);
  }

  /** True when the matching is the identity (no label switch). */
  public boolean isIdentity() {
    for (int i = 0; i < order.length; i++) {
      if (order[i] != i) {
        return false;
      }
    }
    return true;
  }
}
