package twostage.cli;

/** Named settings of {@code validate}: {@code quick} (about a minute) and {@code paper} (Appendix K). */
public enum Preset {
  /** A handful of n, a few hundred replicates. */
  QUICK,
  /** n on round(geomspace(100, 1e5, 10)), 1000 replicates per n (Appendix K). */
  PAPER;

  /** round(geomspace(100, 1e5, 10)). */
  static final long[] PAPER_GRID = grid(100, 100_000, 10);

  /** round(geomspace(100, 3162, 4)): 100, 316, 1000, 3162. */
  static final long[] QUICK_GRID = grid(100, 3162, 4);

  /** round(geomspace(lo, hi, count)). */
  static long[] grid(double lo, double hi, int count) {
    long[] out = new long[count];
    for (int i = 0; i < count; i++) {
      out[i] = Math.round(Math.exp(Math.log(lo) + (Math.log(hi) - Math.log(lo)) * i / (count - 1)));
    }
    return out;
  }
}
