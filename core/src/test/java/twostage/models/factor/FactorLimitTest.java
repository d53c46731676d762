package twostage.models.factor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FactorLimitTest {
  @Test
  void exactEngineAgreesWithCorrectedClosedForm() {
    for (FactorInstance inst : FactorTestInstances.all()) {
      FactorLimitResult r = FactorLimit.exact(inst);
      System.out.printf("d=%d k=%d engine=%.12g corrected=%.12g paper=%.12g werr=%.3g pwerr=%.3g s2=%.6g diag=%s%n",
          r.d(), r.k(), r.exact().mean(), r.corrected().mean(), r.paper().mean(),
          r.correctedWeightError(), r.paperWeightError(), r.sigmaSquared(), r.exact().diagnostics());
      assertThat(r.correctedWeightError()).isLessThan(1e-9);
      assertThat(Math.abs(r.exact().mean() - r.corrected().mean()))
          .isLessThan(1e-9 * r.corrected().mean());
    }
  }
}
