package twostage.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import twostage.spi.PlugIn;
import twostage.theory.AsymptoticEngine;
import twostage.theory.Interaction;

/** The check every data model shares: the lean {@link DataEstimate} is the engine's evaluation of the plug-in. */
public final class LeanEstimateAssert {
  private LeanEstimateAssert() {}

  /**
   * Asserts that {@link DataEstimate#of} at {@code p} gives the corrected interaction, the uncorrected
   * mean, d_eff, the horizontal dimension and the weights of the engine's full evaluation, to rounding.
   */
  public static void assertLeanEqualsEngine(PlugIn p) {
    AsymptoticEngine engine = new AsymptoticEngine();
    Interaction full = DataEstimate.corrected(p).evaluate(engine);
    DataEstimate lean = DataEstimate.of(p, engine, 1e-9);
    double tol = 1e-10 * Math.abs(full.mean());
    assertThat(lean.interactionMean()).isCloseTo(full.mean(), within(tol));
    assertThat(lean.uncorrectedMean()).isCloseTo(engine.interactionMean(p.inputs().pretraining(),
        p.inputs().downstream(), p.inputs().orbit()), within(tol));
    assertThat(lean.dEff()).isEqualTo(full.dEff());
    assertThat(lean.horizontalDimension()).isEqualTo(full.horizontalDimension());
    double top = full.weights()[0];
    for (int i = 0; i < full.weights().length; i++) {
      assertThat(lean.weights()[i]).isCloseTo(full.weights()[i], within(1e-9 * top));
    }
  }
}
