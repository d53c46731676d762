package twostage.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import twostage.data.DataEstimate;
import twostage.data.DataSet;
import twostage.models.factor.FactorCaseStudy;
import twostage.random.Streams;
import twostage.spi.CaseStudy;
import twostage.spi.DataModel;
import twostage.spi.ModelInstance;
import twostage.spi.PlugIn;
import twostage.spi.Settings;
import twostage.theory.AsymptoticEngine;

/**
 * The generic estimate from data of a model written through automatic differentiation agrees with the
 * hand-written one: factor-ad (Newton on the empirical loss, automatic per-row Hessians and Jacobians, the
 * orbit from the null space of Ĥ) and factor (PPCA, closed-form Hessian mean, linear features) on the same
 * rows give the same plug-in limit.
 */
class FactorAdDataTest {
  @Test
  void factorAdOnDataGivesTheClosedFormModelsPlugInLimit() {
    CaseStudy factor = new FactorCaseStudy();
    CaseStudy ad = new FactorAdStudy();
    ModelInstance inst = factor.instance(Settings.parse(factor.parameters(), Map.of("--k", "2", "--d", "4")));
    DataSet data = factor.data().orElseThrow().simulate(inst, 4000, 600, Streams.of(21));
    DataModel adData = ad.data().orElseThrow();
    Settings adOptions = Settings.parse(adData.dataParameters(), Map.of("--k", "2", "--d", "4"));
    adData.checkSizes(data, adOptions);
    PlugIn viaAd = adData.plugIn(data, adOptions, 0);
    PlugIn closed = factor.data().orElseThrow().plugIn(data,
        Settings.parse(factor.data().orElseThrow().dataParameters(), Map.of("--k", "2")), 0);
    DataEstimate a = DataEstimate.of(viaAd, new AsymptoticEngine(), 1e-9);
    DataEstimate c = DataEstimate.of(closed, new AsymptoticEngine(), 1e-9);
    assertThat(viaAd.fit().get("orbitDimension")).isEqualTo(1);
    assertThat(a.dEff()).isEqualTo(c.dEff());
    assertThat(a.dBase()).isEqualTo(c.dBase());
    // the same estimator (the likelihood's maximiser, up to a rotation) and the same moments: equal up to the
    // Newton tolerance and round-off
    assertThat(a.sigma2()).isCloseTo(c.sigma2(), org.assertj.core.data.Percentage.withPercentage(1e-6));
    assertThat(a.interactionMean()).isCloseTo(c.interactionMean(), org.assertj.core.data.Percentage.withPercentage(1e-4));
    assertThat(a.uncorrectedMean()).isCloseTo(c.uncorrectedMean(), org.assertj.core.data.Percentage.withPercentage(1e-4));
    assertThat(a.informationRatio()).isCloseTo(c.informationRatio(), org.assertj.core.data.Percentage.withPercentage(1e-4));
  }
}
