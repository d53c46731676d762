package twostage.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import twostage.experiments.DataPlanStudy;
import twostage.experiments.LocalExecutor;
import twostage.experiments.Models;
import twostage.experiments.Progress;
import twostage.experiments.ResultStore;
import twostage.random.Streams;
import twostage.spi.CaseStudy;
import twostage.spi.DataModel;
import twostage.spi.ModelInstance;
import twostage.spi.PlugIn;
import twostage.spi.Settings;
import twostage.theory.AsymptoticEngine;
import twostage.theory.Interaction;

class FactorDataTest {
  @Test
  void scratchGmm() {
    scratchOf("gmm", 20000, 2000);
  }

  @Test
  void scratch() {
    scratchOf("factor", 20000, 2000);
  }

  void scratchOf(String name, int mm, int nn) {
    CaseStudy cs = Models.registry().get(name);
    DataModel dm = cs.data().orElseThrow();
    ModelInstance inst = cs.instance(Settings.parse(cs.parameters(), Map.of()));
    twostage.exec.Runner run = new twostage.exec.ThreadPoolRunner(2); double truth = inst.limit(Settings.parse(cs.parameters(), Map.of()), 1, run).mean().value();
    System.out.println("truth " + truth + " sigma2 " + inst.sigma2());
    for (int rep = 0; rep < 5; rep++) { long t0=System.nanoTime();
      DataSet data = dm.simulate(inst, mm, nn, Streams.of(7, rep));
      PlugIn p = dm.plugIn(data, Settings.parse(dm.dataParameters(), Map.of()), 1);
      DataEstimate e = DataEstimate.of(p, new AsymptoticEngine(), 1e-9);
      System.out.println(e.interactionMean() + " plain " + e.uncorrectedMean() + " s2 " + e.sigma2() + " deff " + e.dEff() + " dbase " + e.dBase() + " im " + e.informationRatio() + " secs " + (System.nanoTime()-t0)/1e9);
    }
  }
}
