package twostage.stats;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * An independent exact reference for χ²_ν with ν = 2k even: P(χ²_{2k} &gt; 2z) = e^{−z}Σ_{j&lt;k} z^j/j!
 * (the Poisson sum), in 50-digit decimal arithmetic at the exact binary value of z, so the only
 * rounding is the final conversion to double.
 */
final class ExactChiSquare {
  private static final MathContext MC = new MathContext(50);

  private ExactChiSquare() {}

  /** {P(χ²_{2k} ≤ 2z), P(χ²_{2k} &gt; 2z)}. */
  static double[] cdfAndSurvival(int k, double z) {
    BigDecimal bz = new BigDecimal(z);
    BigDecimal term = BigDecimal.ONE;
    BigDecimal below = BigDecimal.ZERO;
    BigDecimal above = BigDecimal.ZERO;
    for (int j = 0; ; j++) {
      if (j < k) {
        below = below.add(term, MC);
      } else {
        above = above.add(term, MC);
        if (j > z && term.compareTo(above.multiply(new BigDecimal("1e-45"), MC)) < 0) {
          break;
        }
      }
      term = term.multiply(bz, MC).divide(BigDecimal.valueOf(j + 1L), MC);
    }
    BigDecimal total = below.add(above, MC);
    return new double[] {above.divide(total, MC).doubleValue(), below.divide(total, MC).doubleValue()};
  }
}
