package twostage.errata.factor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import twostage.theory.AsymptoticEngine;
import twostage.models.factor.FactorTestInstances;

class FactorPriorArtTest {
  @Test
  void sweepShowsHowEachTermScales() {
    List<FactorPriorArtRow> rows = FactorPriorArt.standardSweep(8, 2, 1.0, 5);
    assertThat(rows).hasSize(10);
    List<FactorPriorArtRow> scale = rows.subList(0, 5);
    List<FactorPriorArtRow> shrink = rows.subList(5, 10);
    for (FactorPriorArtRow r : rows) {
      // the corrected closed form is the exact term; Ge et al. is never contradicted
      assertThat(Math.abs(r.correctedMean() - r.exactMean())).isLessThan(1e-9 * r.exactMean());
      assertThat(r.exactOverGe()).isLessThan(1);
      assertThat(r.exactMean()).isLessThanOrEqualTo(r.correctedSharperBound() * (1 + 1e-12));
    }
    for (int i = 1; i < 5; i++) {
      assertThat(scale.get(i).geBound()).isGreaterThan(scale.get(i - 1).geBound());
      assertThat(scale.get(i).exactMean()).isLessThan(scale.get(i - 1).exactMean());
      assertThat(shrink.get(i).geBound()).isGreaterThan(shrink.get(i - 1).geBound());
      assertThat(shrink.get(i).exactMean()).isGreaterThan(shrink.get(i - 1).exactMean());
      assertThat(shrink.get(i).paperMean()).isLessThan(shrink.get(i - 1).paperMean());
    }
    // the paper's "sharper bound" (σν² + D²)k + α⁻¹D²(d − k) fails once σ_min(A⋆) is small
    // (constants of ≍ are unknown, so the claim tested is growth: ratio ~ σ_min⁻², here 141 vs 0.53)
    for (int i = 1; i < 5; i++) {
      assertThat(shrink.get(i).exactOverPaperSharper()).isGreaterThan(shrink.get(i - 1).exactOverPaperSharper());
    }
    assertThat(shrink.get(4).exactOverPaperSharper()).isGreaterThan(100 * shrink.get(0).exactOverPaperSharper());
  }

  @Test
  void refusesBadAlpha() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> FactorPriorArt.row(new twostage.theory.AsymptoticEngine(), "x", FactorTestInstances.small(), 0))
        .hasMessageContaining("alpha must be finite and > 0");
  }
}
