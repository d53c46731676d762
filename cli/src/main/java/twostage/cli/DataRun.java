package twostage.cli;

import java.nio.file.Path;
import java.util.Map;
import twostage.data.CsvTable;
import twostage.data.DataEstimate;
import twostage.data.DataSet;
import twostage.experiments.DataPlanStudy;
import twostage.experiments.Progress;
import twostage.experiments.ResultStore;
import twostage.experiments.TaskExecutor;
import twostage.spi.CaseStudy;

/** Runs the estimate from data of {@code plan}, {@code limit} and {@code learning-curve} (docs/data.md). */
final class DataRun {
  private DataRun() {}

  /**
   * Reads the files, checks the options and runs the point estimate and the bootstrap.
   *
   * @param populationOnly options of the command that describe a population (refused beside data)
   * @throws IllegalArgumentException naming the file, row, column, option and rule of bad input
   */
  static DataPlanStudy.Result run(ModelFace face, DataOptions d, RunOptions run, double rankTolerance,
      String... populationOnly) {
    DataOptions.checkedLevel(d.level);
    Map<String, String> options = face.dataOptions(populationOnly);
    return run.execute((ex, progress) -> run(face.study, options, d.unlabeled, d.labeled, d.bootstrap, run.seed,
        rankTolerance, d.out, ex, progress));
  }

  /**
   * The same from values: the files, the model's data options, the bootstrap size, the seed and an
   * optional directory for the replicates.
   */
  static DataPlanStudy.Result run(CaseStudy study, Map<String, String> options, Path unlabeled, Path labeled,
      int bootstrap, long seed, double rankTolerance, Path out, TaskExecutor ex, Progress progress) {
    DataSet data = DataSet.of(CsvTable.read(unlabeled, "--unlabeled"), CsvTable.read(labeled, "--labeled"));
    DataPlanStudy.Spec spec = DataPlanStudy.Spec.of(study, options, data, bootstrap, seed, rankTolerance);
    if (out != null) {
      OutputDirectory.usable("--out", out);
    }
    try (ResultStore<DataEstimate> store = out == null ? ResultStore.memory(DataEstimate.class)
        : ResultStore.open(out, DataPlanStudy.manifest(spec), DataEstimate.class)) {
      return DataPlanStudy.run(spec, ex, store, progress);
    }
  }
}
