package twostage.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class CrossoverTest {
  private final Crossover c = new Crossover(0.5, 3, 10, 7.0);

  @Test
  void formulas() {
    assertThat(c.floor()).isEqualTo(1.5);
    assertThat(c.downstreamOnly()).isEqualTo(5.0);
    assertThat(c.twoStage(2.0)).isEqualTo(1.5 + 3.5);
    assertThat(c.alpha0()).isCloseTo(7.0 / (0.5 * 7), offset(1e-15));
    // E[E_α] = 1.1 σ² d_eff at α = E||L||²/(0.1 σ² d_eff)
    double a = c.alphaForRatio(1.1);
    assertThat(a).isCloseTo(7.0 / 0.15, offset(1e-12));
    assertThat(c.twoStage(a)).isCloseTo(1.1 * c.floor(), offset(1e-12));
  }

  @Test
  void refusesBadInput() {
    assertThatThrownBy(() -> c.alphaForRatio(1.0)).hasMessageContaining("target ratio");
    assertThatThrownBy(() -> c.twoStage(0)).hasMessageContaining("alpha");
    assertThatThrownBy(() -> new Crossover(1, 5, 4, 1)).hasMessageContaining("d_eff <= d_base");
    assertThatThrownBy(() -> PretrainingPlan.of(c, 0, 1.1, -1)).hasMessageContaining("n must be");
  }

  @Test
  void planInWordsAndNumbers() {
    PretrainingPlan p = PretrainingPlan.of(c, 1000, 1.1, 500);
    assertThat(p.mNeeded()).isEqualTo(Math.ceil(7.0 / 0.15 * 1000));
    assertThat(p.userAlpha()).isEqualTo(0.5);
    assertThat(p.userPretrainingPays()).isFalse(); // α = 0.5 < α₀ = 2
    assertThat(p.mCrossover()).isCloseTo(2000, offset(1e-9));
    assertThat(p.explain()).contains("does NOT pay").contains("m >= 46667");
    PretrainingPlan q = PretrainingPlan.of(c, 1000, 1.1, 5000);
    assertThat(q.userPretrainingPays()).isTrue();
    assertThat(q.explain()).contains("PAYS");
  }

  @Test
  void rankHandlesScaleAndZeroFunctions() {
    // functions 1e6·g1, g2, g1 + g2 (dependent) and the zero function
    DMatrixRMaj g = new DMatrixRMaj(new double[][] {
        {1e12, 0, 1e6, 0},
        {0, 1, 1, 0},
        {1e6, 1, 2, 0},
        {0, 0, 0, 0}});
    TangentRank r = TangentRank.of(g, 1e-9);
    assertThat(r.rank()).isEqualTo(2);
    assertThat(r.droppedCoordinates()).isEqualTo(1);
    assertThat(r.gap()).isGreaterThan(1e10);
  }

  @Test
  void warnsWhenSampleSizesAreTooSmallForAsymptotics() {
    PretrainingPlan p = PretrainingPlan.of(c, 50, 1.1, 5, 80);
    assertThat(p.warnings()).hasSize(3); // n < 10 d_base, user m < 800, crossover m = 100 < 800
    assertThat(p.explain()).contains("Caution: n = 50");
    assertThat(PretrainingPlan.of(c, 10_000, 1.1, 100_000, 80).warnings()).isEmpty();
  }
}
