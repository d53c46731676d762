package twostage.cli;

import java.util.function.Function;
import java.util.function.Predicate;
import picocli.CommandLine;
import twostage.experiments.Models;
import twostage.spi.CaseStudy;

/**
 * A command with one subcommand per registered model ({@code twostage limit gmm}, ...): called without
 * a model it names the models it accepts.
 */
abstract class ModelCommand implements Runnable, ModelFaces.Parent {
  /** The models that can be estimated from data (CSV files of unlabeled and labeled rows). */
  static final Predicate<CaseStudy> WITH_DATA = study -> study.data().isPresent();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final Function<CaseStudy, ModelFace> faces;

  private final Predicate<CaseStudy> accepted;

  /** A command with the face {@code faces} makes for every model. */
  ModelCommand(Function<CaseStudy, ModelFace> faces) {
    this(faces, study -> true);
  }

  /** A command with the face {@code faces} makes for each model {@code accepted} admits. */
  ModelCommand(Function<CaseStudy, ModelFace> faces, Predicate<CaseStudy> accepted) {
    this.faces = faces;
    this.accepted = accepted;
  }

  @Override
  public final ModelFace face(CaseStudy study) {
    return faces.apply(study);
  }

  @Override
  public final boolean accepts(CaseStudy study) {
    return accepted.test(study);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a model is required: "
        + String.join(", ", Models.registry().all().stream().filter(this::accepts).map(s -> s.name()).toList()));
  }
}
