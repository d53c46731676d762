package twostage.cli;

import java.util.HashSet;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import twostage.spi.CaseStudy;
import twostage.spi.Parameter;
import twostage.spi.Registry;

/**
 * Gives a command one subcommand per registered model ({@code twostage limit gmm}, ...), with the
 * model's parameters as options: a model added later gets every command without touching the CLI.
 */
final class ModelFaces {
  private ModelFaces() {}

  /** The parent commands that have model subcommands declare how to make a face for a model. */
  interface Parent {
    /** The face of {@code study} under this command. */
    ModelFace face(CaseStudy study);

    /** Whether this command applies to {@code study} (all models by default). */
    default boolean accepts(CaseStudy study) {
      return true;
    }
  }

  /** Adds a subcommand per model of {@code registry} to {@code parent} (whose user object is a {@link Parent}). */
  static void register(CommandLine parent, Registry registry) {
    Parent p = (Parent) parent.getCommand();
    for (CaseStudy study : registry.all()) {
      if (!p.accepts(study)) {
        continue;
      }
      if (parent.getSubcommands().containsKey(study.name())) {
        throw new IllegalArgumentException("model '" + study.name() + "' clashes with the command "
            + parent.getCommandName() + " " + study.name());
      }
      parent.addSubcommand(study.name(), subcommand(p.face(study), study));
    }
  }

  private static CommandSpec subcommand(ModelFace face, CaseStudy study) {
    CommandSpec spec = CommandSpec.forAnnotatedObject(face);
    spec.name(study.name());
    spec.usageMessage().description(literal(study.description()));
    Set<String> taken = new HashSet<>();
    spec.options().forEach(o -> taken.addAll(java.util.List.of(o.names())));
    for (Parameter p : study.parameters()) {
      if (!face.roles().contains(p.role())) {
        continue;
      }
      if (taken.contains(p.name())) {
        throw new IllegalArgumentException("model '" + study.name() + "' declares " + p.name()
            + ", which the command " + spec.qualifiedName() + " already uses");
      }
      spec.addOption(OptionSpec.builder(p.name())
          .paramLabel(label(p))
          .type(String.class)
          .description(withDefault(p.description(), p.defaultValue()))
          .build());
      taken.add(p.name());
    }
    if (face.takesData() && study.data().isPresent()) {
      for (Parameter p : study.data().get().dataParameters()) {
        if (taken.add(p.name())) {
          spec.addOption(OptionSpec.builder(p.name())
              .paramLabel(label(p))
              .type(String.class)
              .description("With data: " + p.description() + " (default: " + p.defaultValue() + ").")
              .build());
        }
      }
    }
    return spec;
  }

  /** "Centre scale: u*_i = beta e_i (default: 2)." from a model's description and default. */
  static String withDefault(String description, String defaultValue) {
    String d = description.strip();
    if (d.endsWith(".")) {
      d = d.substring(0, d.length() - 1);
    }
    return literal(d + " (default: " + defaultValue + ").");
  }

  /** A model's text as picocli prints it literally: picocli formats descriptions, so '%' is doubled. */
  static String literal(String text) {
    return text.replace("%", "%%");
  }

  private static String label(Parameter p) {
    return switch (p.kind()) {
      case CHOICE -> String.join("|", p.choices());
      case COUNT -> "N";
      case INTEGER -> "INT";
      case REAL -> "X";
    };
  }
}
