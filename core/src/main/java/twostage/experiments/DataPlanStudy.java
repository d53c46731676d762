package twostage.experiments;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import twostage.data.DataEstimate;
import twostage.data.DataSet;
import twostage.random.Streams;
import twostage.spi.CaseStudy;
import twostage.spi.DataModel;
import twostage.spi.Parameter;
import twostage.spi.PlugIn;
import twostage.spi.Settings;
import twostage.theory.AsymptoticEngine;
import twostage.theory.Interaction;
import twostage.theory.TangentRank;

/**
 * The limit law, α₀ and the plan estimated from data (docs/data.md): the plug-in estimate on the data
 * as given, and B bootstrap replicates, each a {@link Task} that resamples the rows of both files with
 * {@code Streams.of(seed, b)}, refits the estimator and recomputes the plug-in limit. Replicates are
 * stored under their index, so a run resumes, grows to more replicates, and runs on Spark.
 */
public final class DataPlanStudy {
  private DataPlanStudy() {}

  /**
   * The question.
   *
   * @param model the case study's name
   * @param options canonical values of its {@link DataModel#dataParameters()}
   * @param data the two files
   * @param bootstrap B, the number of bootstrap replicates (0 for the point estimate alone)
   * @param seed seed of the resampling and of any random start of the estimator
   * @param rankTolerance relative eigenvalue tolerance of d_eff and d_base
   */
  public record Spec(
      String model, Map<String, String> options, DataSet data, int bootstrap, long seed, double rankTolerance)
      implements Serializable {
    public Spec {
      options = new LinkedHashMap<>(options);
      if (bootstrap < 0 || bootstrap > 100_000) {
        throw new IllegalArgumentException("--bootstrap must be between 0 and 100000, got " + bootstrap);
      }
      if (!(rankTolerance > 0 && rankTolerance < 1)) {
        throw new IllegalArgumentException("--rank-tolerance must be in (0, 1), got " + rankTolerance);
      }
    }

    /**
     * The spec from user input: raw values of the data options of {@code study}.
     *
     * @throws IllegalArgumentException when the model offers no estimate from data, an option is not
     *     one of its data options, or the data are too small for it
     */
    public static Spec of(CaseStudy study, Map<String, String> given, DataSet data, int bootstrap, long seed,
        double rankTolerance) {
      DataModel dm = DataPlanStudy.dataModel(study);
      Settings s = Settings.parse(dm.dataParameters(), given);
      dm.checkSizes(data, s);
      return new Spec(study.name(), s.values(), data, bootstrap, seed, rankTolerance);
    }

    /** The settings of the data options. */
    public Settings settings() {
      return Settings.of(options);
    }

    /** The model's data capability. */
    public DataModel dataModel() {
      return DataPlanStudy.dataModel(Models.registry().get(model));
    }
  }

  /** The data capability of {@code study}, or an error naming the models that have one. */
  public static DataModel dataModel(CaseStudy study) {
    return study.data().orElseThrow(() -> new IllegalArgumentException("model " + study.name()
        + " offers no estimate from data (--unlabeled/--labeled); models that do: " + String.join(", ",
            Models.registry().all().stream().filter(c -> c.data().isPresent()).map(CaseStudy::name).toList())));
  }

  /** The names of the data options of {@code study}. */
  public static List<String> optionNames(CaseStudy study) {
    return dataModel(study).dataParameters().stream().map(Parameter::name).toList();
  }

  /**
   * The answer.
   *
   * @param spec the question
   * @param plugIn the plug-in inputs on the data as given
   * @param point the estimate on the data as given
   * @param interaction the engine's interaction there (weights, diagnostics)
   * @param dBase d_base there with its eigenvalue gap
   * @param replicates the bootstrap estimates, replicate 1 first (failed ones included, marked)
   */
  public record Result(
      Spec spec, PlugIn plugIn, DataEstimate point, Interaction interaction, TangentRank dBase,
      List<DataEstimate> replicates) {

    /** Values of one quantity over the replicates that succeeded. */
    public double[] values(java.util.function.ToDoubleFunction<DataEstimate> f) {
      return replicates.stream().filter(DataEstimate::ok).mapToDouble(f).toArray();
    }

    /** The replicates that failed, with their reasons. */
    public List<DataEstimate> failures() {
      return replicates.stream().filter(r -> !r.ok()).toList();
    }
  }

  /** One bootstrap replicate: a pure function of the spec and its index. */
  public record Replicate(Spec spec, int b) implements Task<DataEstimate> {
    @Override
    public String key() {
      return "b" + b;
    }

    @Override
    public DataEstimate compute() {
      DataSet resample = spec.data().resample(Streams.of(spec.seed(), b));
      try {
        return estimate(spec, resample, b);
      } catch (IllegalArgumentException | ArithmeticException e) {
        return DataEstimate.failed(e.getMessage());
      }
    }
  }

  /** The plug-in estimate on {@code data} (replicate {@code b}; 0 is the data as given). */
  static DataEstimate estimate(Spec spec, DataSet data, int b) {
    PlugIn p = spec.dataModel().plugIn(data, spec.settings(), Streams.derive(spec.seed(), b, 1));
    return DataEstimate.of(p, new AsymptoticEngine(spec.rankTolerance()), spec.rankTolerance());
  }

  /** The replicates 1..B as tasks. */
  public static List<Replicate> tasks(Spec spec) {
    List<Replicate> out = new ArrayList<>();
    for (int b = 1; b <= spec.bootstrap(); b++) {
      out.add(new Replicate(spec, b));
    }
    return out;
  }

  /** What a result directory is made for: the model, its options, the data (by digest), the seed. */
  public static Map<String, Object> manifest(Spec spec) {
    return ResultStore.manifest("study", "data-plan", "model", spec.model(), "options", spec.options(),
        "unlabeled", spec.data().unlabeled().source(), "labeled", spec.data().labeled().source(),
        "m", spec.data().m(), "n", spec.data().n(), "data", spec.data().digest(), "seed", spec.seed(),
        "rankTolerance", spec.rankTolerance());
  }

  /**
   * Computes the point estimate, then the replicates missing from {@code store}.
   *
   * @throws IllegalArgumentException when the data as given violate an assumption the estimate needs
   */
  public static Result run(Spec spec, TaskExecutor executor, ResultStore<DataEstimate> store, Progress progress) {
    PlugIn p = spec.dataModel().plugIn(spec.data(), spec.settings(), Streams.derive(spec.seed(), 0, 1));
    AsymptoticEngine engine = new AsymptoticEngine(spec.rankTolerance());
    Interaction interaction = DataEstimate.corrected(p).evaluate(engine);
    TangentRank base = TangentRank.baseline(p.inputs().downstream(), spec.rankTolerance());
    DataEstimate point = DataEstimate.of(p, engine, spec.rankTolerance());
    List<Replicate> tasks = tasks(spec);
    executor.execute("bootstrap " + spec.model(), tasks, store, progress);
    List<DataEstimate> reps = new ArrayList<>();
    for (Replicate t : tasks) {
      reps.add(store.get(t.key()));
    }
    return new Result(spec, p, point, interaction, base, reps);
  }
}
