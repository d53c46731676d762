package twostage.cli;

import twostage.data.CsvTable;
import twostage.data.DataEstimate;
import twostage.data.DataSet;
import twostage.data.DataTable;
import twostage.experiments.DataPlanStudy;
import twostage.experiments.ResultStore;
import twostage.experiments.TaskExecutor;

/** Runs the estimate from data of {@code plan} and {@code limit} (docs/data.md). */
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
    if (!(d.level > 0 && d.level < 1)) {
      throw new IllegalArgumentException("--level must be in (0, 1), got " + d.level);
    }
    java.util.Map<String, String> options = face.dataOptions(populationOnly);
    DataTable unlabeled = CsvTable.read(d.unlabeled, "--unlabeled");
    DataTable labeled = CsvTable.read(d.labeled, "--labeled");
    DataSet data = DataSet.of(unlabeled, labeled);
    DataPlanStudy.Spec spec = DataPlanStudy.Spec.of(face.study, options, data, d.bootstrap, run.seed, rankTolerance);
    if (d.out != null) {
      OutputDirectory.usable("--out", d.out);
    }
    try (TaskExecutor ex = Main.executor(run.threads());
        ResultStore<DataEstimate> store = d.out == null ? ResultStore.memory(DataEstimate.class)
            : ResultStore.open(d.out, DataPlanStudy.manifest(spec), DataEstimate.class)) {
      return DataPlanStudy.run(spec, ex, store, ConsoleProgress.of(run));
    }
  }
}
