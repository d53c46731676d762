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
  void scratch() {
    CaseStudy cs = Models.registry().get("factor");
    DataModel dm = cs.data().orElseThrow();
    ModelInstance inst = cs.instance(Settings.parse(cs.parameters(), Map.of()));
    double truth = inst.limit(Settings.parse(cs.parameters(), Map.of()), 1, null).mean().value();
    System.out.println("truth " + truth + " sigma2 " + inst.sigma2());
    for (int rep = 0; rep < 5; rep++) {
      DataSet data = dm.simulate(inst, 20000, 2000, Streams.of(7, rep));
      PlugIn p = dm.plugIn(data, Settings.parse(dm.dataParameters(), Map.of()), 1);
      DataEstimate e = DataEstimate.of(p, new AsymptoticEngine(), 1e-9);
      System.out.println(e.interactionMean() + " s2 " + e.sigma2() + " deff " + e.dEff() + " dbase " + e.dBase() + " im " + e.informationRatio());
    }
  }
}
