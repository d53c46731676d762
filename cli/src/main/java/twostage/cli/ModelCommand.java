package twostage.cli;

import picocli.CommandLine;
import twostage.experiments.Models;

/**
 * A command with one subcommand per registered model ({@code twostage limit gmm}, ...): called without
 * a model it names the models it accepts.
 */
abstract class ModelCommand implements Runnable, ModelFaces.Parent {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a model is required: "
        + String.join(", ", Models.registry().all().stream().filter(this::accepts).map(s -> s.name()).toList()));
  }
}
