package twostage.errata.spectral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import twostage.models.spectral.SpectralFixtures;
import twostage.models.spectral.SpectralInstance;

class SpectralPriorArtTest {

  @Test
  void gridReportsPaperAndCorrectedValuesWithTheEngineBesideThem() {
    List<SpectralPriorArtRow> rows = SpectralPriorArt.grid(new int[] {1, 2, 3}, new int[] {2, 4, 8}, SpectralPriorArt.DEFAULT_ENGINE_CAP);
    assertThat(rows).hasSize(3 + 2 + 2); // k < d only
    for (SpectralPriorArtRow r : rows) {
      assertThat(r.interactionExact()).isCloseTo(r.interactionCorrected(), within(1e-9 * r.interactionCorrected()));
      assertThat(r.excessLossExact()).isCloseTo(r.excessLossCorrected(), within(1e-9 * r.excessLossCorrected()));
      assertThat(r.priorArtPaper()).isEqualTo(r.conditioningFactor() * r.excessLossPaper());
      assertThat(r.ratioCorrected()).isEqualTo(r.priorArtCorrected() / r.interactionCorrected());
    }
    SpectralPriorArtRow r24 = rows.stream().filter(r -> r.k() == 2 && r.d() == 4).findFirst().orElseThrow();
    assertThat(r24.conditioningFactor()).isEqualTo(3.0);
    assertThat(r24.excessLossPaper()).isCloseTo(71.5, within(1e-12));
    assertThat(r24.interactionPaper()).isCloseTo(33.0, within(1e-12));
    assertThat(r24.excessLossCorrected()).isCloseTo(35.208333333333333, within(1e-9));
    assertThat(r24.interactionCorrected()).isCloseTo(39.04513888888889, within(1e-9));
    assertThat(r24.mainTextBound()).isEqualTo(12.0);
  }

  @Test
  void largeGridsSkipTheEngineButKeepTheClosedForms() {
    SpectralPriorArtRow r = SpectralPriorArt.row(10, 40, 120);
    assertThat(r.interactionExact()).isNaN();
    assertThat(r.interactionCorrected()).isPositive();
  }

  @Test
  void limitReportCarriesAllRoutes() {
    SpectralClaims rep = SpectralClaims.of(SpectralInstance.corollary63(2, 4));
    assertThat(rep.exactMean()).isCloseTo(rep.correctedClosedForm().mean(), within(1e-9));
    assertThat(rep.paperClosedForm().mean()).isCloseTo(33.0, within(1e-12));
    assertThat(rep.paperPipeline().mean() * 4).isCloseTo(33.0, within(1e-9));
    SpectralClaims corr = SpectralClaims.of(SpectralFixtures.correlated());
    assertThat(corr.paperClosedForm()).isNull();
    assertThat(corr.correctedClosedForm()).isNull();
    assertThat(corr.excessLossPaper()).isNaN();
  }
}
