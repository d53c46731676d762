package twostage.errata.mixture;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import twostage.experiments.Details;
import twostage.experiments.LimitResult;
import twostage.experiments.LimitSpec;
import twostage.experiments.LimitStudy;
import twostage.experiments.LocalExecutor;
import twostage.experiments.ModelSpec;
import twostage.experiments.Models;
import twostage.experiments.Progress;
import twostage.experiments.Records;
import twostage.experiments.ResultStore;

/**
 * The paper's Figure 2 panels (a) and (c) against the exact d-law (docs/figure2.md): panel (a) is
 * consistent with unit ‖θ⋆‖ at d ≈ 44, not the caption's d = 30; panel (c) with ‖θ⋆‖ = 10 at d ≈ 30, not
 * d = 20. Exact forms at reduced Monte Carlo sizes (2e4 Fisher, 2e5 downstream samples per point); the
 * paper-size numbers are in docs/figure2.md.
 */
class Figure2HypothesesTest {
  private static JsonNode digitised() throws Exception {
    try (var in = Figure2Hypotheses.class.getResourceAsStream("/twostage/paper-figure2-digitised.json")) {
      return Records.MAPPER.readTree(in);
    }
  }

  /** (a, b) of the exact form at each (K, β), from one reduced limit per point. */
  private static double[][] exactForms(List<double[]> kBeta) {
    List<LimitStudy.Point> tasks = new ArrayList<>();
    for (double[] kb : kBeta) {
      Map<String, String> o = new LinkedHashMap<>();
      o.put("--K", Integer.toString((int) kb[0]));
      o.put("--d", "20");
      o.put("--beta", Double.toString(kb[1]));
      o.put("--fisher-samples", "20000");
      o.put("--samples", "200000");
      ModelSpec m = ModelSpec.of(Models.registry().get("gmm"), o, null, null);
      tasks.add(new LimitStudy.Point("K=" + kb[0] + " beta=" + kb[1],
          new LimitSpec(m, 2, LimitSpec.DEFAULT_LEVELS, 1), m.instance().limitCost(m.settings())));
    }
    double[][] ab = new double[2][tasks.size()];
    try (LocalExecutor ex = new LocalExecutor(2); ResultStore<LimitResult> store = ResultStore.memory(LimitResult.class)) {
      ex.execute("figure 2 exact forms", tasks, store, Progress.NONE);
      for (int i = 0; i < tasks.size(); i++) {
        Map<String, Object> form = Details.map(store.get(tasks.get(i).key()).estimate().details().get("exactForm"));
        ab[0][i] = Details.estimate(form.get("a")).value();
        ab[1][i] = Details.estimate(form.get("b")).value();
      }
    }
    return ab;
  }

  @Test
  void panelAFitsUnitThetaAtAboutD44AndPanelCFitsNorm10AtAboutD30() throws Exception {
    JsonNode dig = digitised();
    List<double[]> a = new ArrayList<>();
    List<Double> paperA = new ArrayList<>();
    for (JsonNode p : dig.at("/a/points")) {
      a.add(new double[] {p.get(0).asDouble(), 2.0});
      paperA.add(p.get(1).asDouble());
    }
    List<double[]> c = new ArrayList<>();
    List<Double> paperC = new ArrayList<>();
    for (JsonNode p : dig.at("/c/points")) {
      c.add(new double[] {4, p.get(0).asDouble()});
      paperC.add(p.get(1).asDouble());
    }
    List<double[]> all = new ArrayList<>(a);
    all.addAll(c);
    double[][] ab = exactForms(all);
    int na = a.size();
    double[] aA = java.util.Arrays.copyOfRange(ab[0], 0, na);
    double[] bA = java.util.Arrays.copyOfRange(ab[1], 0, na);
    double[] aC = java.util.Arrays.copyOfRange(ab[0], na, all.size());
    double[] bC = java.util.Arrays.copyOfRange(ab[1], na, all.size());
    double[] pa = paperA.stream().mapToDouble(Double::doubleValue).toArray();
    double[] pc = paperC.stream().mapToDouble(Double::doubleValue).toArray();

    Figure2Hypotheses.Fit atCaption = Figure2Hypotheses.fit(pa, aA, bA, 1.0);
    Figure2Hypotheses.Fit panelA = Figure2Hypotheses.fit(pa, aA, bA, Double.NaN);
    assertThat(panelA.scale()).as("panel (a): unit norm").isBetween(0.97, 1.03);
    assertThat(panelA.d()).as("panel (a): d").isBetween(36.0, 54.0);
    assertThat(panelA.dLow()).as("d = 30 excluded").isGreaterThan(30.0);
    assertThat(panelA.rms()).isLessThan(0.02).isLessThan(atCaption.rms());

    Figure2Hypotheses.Fit panelC = Figure2Hypotheses.fit(pc, aC, bC, Double.NaN);
    assertThat(panelC.scale()).as("panel (c): ||theta*||^2").isBetween(90.0, 112.0);
    assertThat(panelC.d()).as("panel (c): d").isBetween(26.0, 35.0);
    assertThat(panelC.dHigh()).isLessThan(40.0);
    assertThat(panelC.dLow()).as("d = 20 excluded").isGreaterThan(20.0);
    assertThat(panelC.rms()).isLessThan(0.02);
  }
}
