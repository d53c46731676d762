package twostage.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import twostage.data.DataSet;
import twostage.data.DataTable;
import twostage.experiments.DataPlanStudy;
import twostage.experiments.ModelSpec;
import twostage.random.Streams;
import twostage.spi.CaseStudy;

/**
 * {@code twostage simulate-data MODEL --m M --n N --out DIR}: writes unlabeled.csv and labeled.csv drawn
 * from a known instance, the files {@code plan MODEL --unlabeled --labeled} reads (docs/data.md).
 */
@Command(
    name = "simulate-data",
    mixinStandardHelpOptions = true,
    description = {
      "Draws a data set from a known instance into CSV files.",
      "Writes DIR/unlabeled.csv (m rows of x), DIR/labeled.csv (n rows of x and y) and DIR/instance.json, so",
      "that the estimate from data can be compared with the truth."
    })
public final class SimulateDataCommand extends ModelCommand {
  /** The command, for the models with data. */
  public SimulateDataCommand() {
    super(Face::new, WITH_DATA);
  }

  /** {@code twostage simulate-data MODEL}. */
  @Command(mixinStandardHelpOptions = true)
  static final class Face extends ModelFace {
    @Option(names = "--m", required = true, converter = Counts.class, paramLabel = "M", description = "Unlabeled rows.")
    long m;

    @Option(names = "--n", required = true, converter = Counts.class, paramLabel = "N", description = "Labeled rows.")
    long n;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for the files.")
    Path out;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    Face(CaseStudy study) {
      super(study);
    }

    @Override
    public Integer call() throws IOException {
      if (m < 1 || n < 1 || m > 100_000_000 || n > 100_000_000) {
        throw new IllegalArgumentException("--m and --n must be between 1 and 1e8, got " + m + ", " + n);
      }
      ModelSpec model = model();
      OutputDirectory.usable("--out", out);
      DataSet data = DataPlanStudy.dataModel(study).simulate(model.instance(), (int) m, (int) n, Streams.of(seed));
      write(out.resolve("unlabeled.csv"), data.unlabeled(), null);
      write(out.resolve("labeled.csv"), data.labeled(), data.y());
      OutputDirectory.writeInstance(out, model);
      spec.commandLine().getOut().println("wrote " + out.resolve("unlabeled.csv") + " (" + m + " rows), "
          + out.resolve("labeled.csv") + " (" + n + " rows) and " + out.resolve("instance.json"));
      return 0;
    }
  }

  /** Writes a table (and a last column y when given) as CSV with a header. */
  static void write(Path file, DataTable t, double[] y) throws IOException {
    List<String> header = new ArrayList<>(t.columns());
    if (y != null) {
      header.add(DataSet.LABEL);
    }
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180.builder().setRecordSeparator('\n').get())) {
      p.printRecord(header);
      List<String> row = new ArrayList<>(header.size());
      for (int i = 0; i < t.rows(); i++) {
        row.clear();
        for (int j = 0; j < t.cols(); j++) {
          row.add(Double.toString(t.get(i, j)));
        }
        if (y != null) {
          row.add(Double.toString(y[i]));
        }
        p.printRecord(row);
      }
    }
  }
}
