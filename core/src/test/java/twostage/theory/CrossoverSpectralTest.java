package twostage.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import twostage.models.spectral.SpectralGeometry;
import twostage.models.spectral.SpectralInstance;
import twostage.models.spectral.SpectralLimit;
import twostage.models.spectral.SpectralPopulation;

/** d_base, d_eff and α₀ of the spectral model (Corollary 6.3 instance) against docs/crossover.md §1. */
class CrossoverSpectralTest {

  /**
   * α₀ by hand: (1/(σ²(d − k))) Σ_{j=1}^{d−k} w_j with the corrected Corollary 6.3 weights
   * w_j = ½ Σ_{i≤k} i (1 + i⁻² + τ) ((k + j)/(k + j − i))², τ = Σ_{i≤k} i⁻² (docs/errata.md).
   */
  static double handAlpha0(int k, int d, double sigma) {
    double tau = 0;
    for (int i = 1; i <= k; i++) {
      tau += 1.0 / ((double) i * i);
    }
    double total = 0;
    for (int j = 1; j <= d - k; j++) {
      for (int i = 1; i <= k; i++) {
        double ratio = (double) (k + j) / (k + j - i);
        total += 0.5 * i * (1 + 1.0 / ((double) i * i) + tau) * ratio * ratio;
      }
    }
    return total / (sigma * sigma * (d - k));
  }

  @ParameterizedTest
  @CsvSource({"1, 3, 1.0", "2, 4, 0.5", "3, 7, 2.0", "2, 10, 1.0"})
  void corollary63Instance(int k, int d, double sigma) {
    SpectralInstance inst = SpectralInstance.corollary63(k, d, sigma);
    TangentRank base = TangentRank.baseline(SpectralPopulation.downstream(SpectralGeometry.of(inst)));
    Crossover c = Crossover.of(sigma * sigma, SpectralLimit.exact(inst), base);
    assertThat(c.dBase()).isEqualTo(d);
    assertThat(c.dEff()).isEqualTo(k);
    assertThat(base.gap()).isGreaterThan(1e8);
    double hand = handAlpha0(k, d, sigma);
    assertThat(c.alpha0()).isCloseTo(hand, offset(1e-9 * hand));
  }
}
