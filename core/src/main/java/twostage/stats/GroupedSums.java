package twostage.stats;

/**
 * Sums of a vector-valued statistic kept per group of samples, so that means over all samples and
 * delete-one-group means (for the jackknife) are available without storing the samples. Memory is
 * groups × dimension, independent of the number of samples.
 */
public final class GroupedSums {
  private final long[] counts;
  private final double[][] sums;

  /** Wraps per-group counts and sums (not copied). */
  public GroupedSums(long[] counts, double[][] sums) {
    if (counts.length != sums.length || counts.length == 0) {
      throw new IllegalArgumentException("need the same positive number of counts and sums");
    }
    this.counts = counts;
    this.sums = sums;
  }

  /** Number of groups. */
  public int groups() {
    return counts.length;
  }

  /** Total number of samples. */
  public long count() {
    long n = 0;
    for (long c : counts) {
      n += c;
    }
    return n;
  }

  /** Mean over all samples. */
  public double[] mean() {
    return meanWithout(-1);
  }

  /** Mean over all samples outside group {@code left} (all samples when {@code left} is negative). */
  public double[] meanWithout(int left) {
    int dim = sums[0].length;
    double[] out = new double[dim];
    long n = 0;
    for (int g = 0; g < counts.length; g++) {
      if (g == left) {
        continue;
      }
      n += counts[g];
      double[] s = sums[g];
      for (int i = 0; i < dim; i++) {
        out[i] += s[i];
      }
    }
    if (n == 0) {
      throw new IllegalStateException("no samples outside group " + left);
    }
    for (int i = 0; i < dim; i++) {
      out[i] /= n;
    }
    return out;
  }
}
