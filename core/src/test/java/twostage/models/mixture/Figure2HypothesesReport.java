package twostage.models.mixture;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import twostage.exec.ThreadPoolRunner;

/**
 * Numbers behind docs/figure2.md (not a regression test; run with
 * {@code mvn -o test -pl core -Dtest=Figure2HypothesesReport -Dtwostage.report=true}).
 *
 * <p>Hypothesis H1 (labelled as such in the doc): θ⋆ blocks ∝ (1/i)·1_{r⋆+1} in the intrinsic
 * coordinates (θ̃_i ∈ R^{r⋆} as in Section 6.3's parametrisation, b_i), normalised to unit norm, in the
 * eigenbasis of S(U⋆) that {@link SubspaceGeometry} returns (S has one eigenvalue β² of multiplicity
 * K − 1, so "1_{r⋆}" depends on the basis; a second basis is reported to show by how much).
 */
@EnabledIfSystemProperty(named = "twostage.report", matches = "true")
class Figure2HypothesesReport {
  static IntrinsicMixture intrinsicVariant(int k, int d, double beta, boolean rotate) {
    IntrinsicMixture base = IntrinsicMixture.of(MixtureInstance.appendixK(k, d, beta, 1.0, 0.5));
    int r = base.rank();
    double h2 = 0;
    for (int i = 1; i <= k; i++) {
      h2 += 1.0 / (i * i);
    }
    double c = 1.0 / Math.sqrt((r + 1) * h2);
    double[] v = new double[r];
    Arrays.fill(v, 1.0);
    if (rotate) { // another unit-coordinate vector of the same norm: √r e_1
      Arrays.fill(v, 0.0);
      v[0] = Math.sqrt(r);
    }
    double[][] th = new double[k][r];
    double[] b = new double[k];
    for (int i = 0; i < k; i++) {
      for (int a = 0; a < r; a++) {
        th[i][a] = c / (i + 1) * v[a];
      }
      b[i] = c / (i + 1);
    }
    return base.withCoefficients(th, b);
  }

  @Test
  void report() {
    try (ThreadPoolRunner run = new ThreadPoolRunner(2)) {
      for (int d : new int[] {5, 10, 20, 30, 100, 1000}) {
        var h = MixtureReduction.compute(intrinsicVariant(4, d, 2.0, false), 100_000, 1_000_000, 20, 1, run);
        var g = MixtureReduction.compute(intrinsicVariant(4, d, 2.0, true), 100_000, 1_000_000, 20, 1, run);
        System.out.printf("H1 K=4 beta=2 d=%d: %s (basis 2: %s)%n", d, h.mean(), g.mean());
      }
      for (int k : new int[] {2, 4, 8, 14}) {
        var h = MixtureReduction.compute(intrinsicVariant(k, 30, 2.0, false), 100_000, k > 8 ? 200_000 : 1_000_000, 20, 1, run);
        System.out.printf("H1 d=30 beta=2 K=%d: %s%n", k, h.mean());
      }
      for (double beta : new double[] {0.5952, 1.0038, 2.0152, 3.1152, 4.4137}) {
        var h = MixtureReduction.compute(intrinsicVariant(4, 20, beta, false), 100_000, 1_000_000, 20, 1, run);
        System.out.printf("H1 K=4 d=20 beta=%.4f: %s%n", beta, h.mean());
      }
    }
  }
}
