package twostage.models.factor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import twostage.exec.SequentialRunner;

class FactorLargeMTest {
  private static final long M = 1_000_000;
  private static final int R = 2000;

  @Test
  void largeMSimulationFollowsTheEngineLawAndRejectsThePrintedOne() {
    for (FactorInstance inst : FactorTestInstances.all()) {
      FactorLimitResult lim = FactorLimit.exact(inst);
      ClosedFormLaw c = lim.corrected();
      LargeMResult r = LargeMCheck.run(inst, M, R, 99, new SequentialRunner(), c::cdf);
      double ksPaper = Kolmogorov.distance(r.scaledRep(), lim.paper()::cdf);
      System.out.printf("d=%d k=%d engine=%.6g paper=%.6g sim=%s ks=%.4f ksPaper=%.4f crit=%.4f binds=%d%n",
          lim.d(), lim.k(), lim.exact().mean(), lim.paper().mean(), r.mean(), r.ksDistance(), ksPaper,
          r.ksCritical5(), r.truncationBinds());
    }
  }
}
