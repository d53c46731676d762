package twostage.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import twostage.data.DataEstimate;
import twostage.data.DataSet;
import twostage.random.Streams;
import twostage.spi.CaseStudy;
import twostage.theory.TangentRank;

/** The estimate from data: bootstrap replicates are pure tasks, resumable; intervals cover at their nominal rate. */
class DataStudiesTest {
  @TempDir Path dir;

  private static DataPlanStudy.Spec spec(String model, Map<String, String> instance, Map<String, String> options,
      int m, int n, int b) {
    CaseStudy cs = Models.registry().get(model);
    ModelSpec ms = ModelSpec.of(cs, instance, null, null);
    DataSet data = DataPlanStudy.dataModel(cs).simulate(ms.instance(), m, n, Streams.of(9));
    return DataPlanStudy.Spec.of(cs, options, data, b, 4, TangentRank.DEFAULT_TOLERANCE);
  }

  @Test
  void bootstrapReplicatesAreTheSameOnOneThreadAndManyAndResumeFromTheirStore() {
    DataPlanStudy.Spec s = spec("gmm", Map.of("--K", "3", "--d", "4"), Map.of("--K", "3", "--restarts", "2"),
        2000, 400, 12);
    DataPlanStudy.Result one;
    try (LocalExecutor ex = new LocalExecutor(1)) {
      one = DataPlanStudy.run(s, ex, ResultStore.memory(DataEstimate.class), Progress.NONE);
    }
    DataPlanStudy.Result three;
    try (LocalExecutor ex = new LocalExecutor(3);
        ResultStore<DataEstimate> store = ResultStore.open(dir, DataPlanStudy.manifest(s), DataEstimate.class)) {
      three = DataPlanStudy.run(s, ex, store, Progress.NONE);
    }
    assertThat(three.values(DataEstimate::interactionMean)).containsExactly(one.values(DataEstimate::interactionMean));
    assertThat(three.values(DataEstimate::sigma2)).containsExactly(one.values(DataEstimate::sigma2));
    assertThat(three.point().interactionMean()).isEqualTo(one.point().interactionMean());
    // the replicates differ from one another (they resample) and from the point estimate
    assertThat(java.util.Arrays.stream(one.values(DataEstimate::interactionMean)).distinct().count()).isEqualTo(12);

    // a rerun with more replicates reads the 12 stored ones back (equal after the JSON round trip) and adds 6
    DataPlanStudy.Spec more = new DataPlanStudy.Spec(s.model(), s.options(), s.data(), 18, s.seed(), s.rankTolerance());
    DataPlanStudy.Result grown;
    try (LocalExecutor ex = new LocalExecutor(2);
        ResultStore<DataEstimate> store = ResultStore.open(dir, DataPlanStudy.manifest(more), DataEstimate.class)) {
      assertThat(store.size()).isEqualTo(12);
      grown = DataPlanStudy.run(more, ex, store, Progress.NONE);
    }
    double[] first = java.util.Arrays.copyOf(grown.values(DataEstimate::interactionMean), 12);
    assertThat(first).containsExactly(one.values(DataEstimate::interactionMean));
    assertThat(grown.replicates()).hasSize(18);
  }

  @Test
  void percentileIntervalsOfTheFactorInteractionCoverAtTheirNominalRate() {
    CaseStudy cs = Models.registry().get("factor");
    ModelSpec ms = ModelSpec.of(cs, Map.of(), null, null);
    DataCoverageStudy.Spec s = new DataCoverageStudy.Spec(ms, Map.of("--k", "2"), 4000, 800, 60, 80, 3);
    DataCoverageStudy.Outcome o;
    try (LocalExecutor ex = new LocalExecutor(2)) {
      o = DataCoverageStudy.run(s, 0.9, ex, ResultStore.memory(DataCoverageStudy.DataSetResult.class), Progress.NONE);
    }
    assertThat(o.failedDatasets()).isZero();
    List<DataCoverageStudy.Coverage> pct = o.coverages().stream().filter(c -> c.method().equals("percentile")).toList();
    assertThat(pct).extracting(DataCoverageStudy.Coverage::quantity).containsExactly("interaction", "alpha0");
    for (DataCoverageStudy.Coverage c : pct) {
      // binomial error of 60 data sets at the nominal 0.9: sqrt(0.9*0.1/60) = 0.039; the tolerance is 3 of them
      assertThat(c.coverage().value()).isBetween(0.9 - 3 * 0.039, Math.min(1.0, 0.9 + 3 * 0.039));
    }
  }
}
