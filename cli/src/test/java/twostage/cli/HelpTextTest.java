package twostage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Walks the whole command tree (every command, subcommand and model face) and checks the help texts:
 * each command's description ends a sentence (a full stop, or a colon before a list), and every option
 * and positional parameter has a description that ends a sentence too.
 */
class HelpTextTest {
  @Test
  void everyCommandAndOptionIsDescribedInFullSentences() {
    List<String> problems = new ArrayList<>();
    walk(Main.commandLine(), problems);
    assertThat(problems).isEmpty();
  }

  @Test
  void theWalkSeesTheModelFacesAndFindsATruncatedDescription() {
    CommandLine root = Main.commandLine();
    List<String> visited = new ArrayList<>();
    collect(root, visited);
    assertThat(visited).contains("twostage limit gmm", "twostage validate factor", "twostage check-model",
        "twostage law", "twostage limit moments", "twostage crossover redraw", "twostage compare spectral");

    CommandSpec broken = CommandSpec.create().name("broken");
    broken.usageMessage().description("Computes the limit of the", "whole class.");
    broken.addOption(OptionSpec.builder("--x").type(String.class).build());
    broken.addOption(OptionSpec.builder("--y").type(String.class).description("Stops at 5% of the").build());
    broken.addOption(OptionSpec.builder("--z").type(String.class).description("Ends at 10% otherwise.").build());
    List<String> problems = new ArrayList<>();
    java.io.PrintStream err = System.err;
    System.setErr(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
    try {
      walk(new CommandLine(broken), problems);
    } finally {
      System.setErr(err);
    }
    assertThat(problems).hasSize(4).anyMatch(p -> p.contains("could not format"));
  }

  private static void collect(CommandLine cl, List<String> names) {
    names.add(cl.getCommandSpec().qualifiedName());
    cl.getSubcommands().values().forEach(sub -> collect(sub, names));
  }

  private static void walk(CommandLine cl, List<String> problems) {
    CommandSpec spec = cl.getCommandSpec();
    String name = spec.qualifiedName();
    String[] lines = spec.usageMessage().description();
    String text = String.join(" ", lines).strip();
    if (!endsSentence(text, true)) {
      problems.add(name + ": description '" + text + "'");
    }
    // a parent's list of commands shows the first line alone
    if (lines.length > 0 && !endsSentence(lines[0].strip(), false)) {
      problems.add(name + ": first line of the description '" + lines[0] + "' (shown alone in the command list)");
    }
    String warnings = usageWarnings(cl);
    if (!warnings.isEmpty()) {
      problems.add(name + ": picocli could not format its help ('%' not written as '%%'?): " + warnings);
    }
    for (OptionSpec o : spec.options()) {
      if (o.usageHelp() || o.versionHelp()) {
        continue;
      }
      String d = String.join(" ", o.description()).strip();
      if (!endsSentence(d, false)) {
        problems.add(name + " " + o.longestName() + ": description '" + d + "'");
      }
    }
    for (PositionalParamSpec p : spec.positionalParameters()) {
      String d = String.join(" ", p.description()).strip();
      if (!endsSentence(d, false)) {
        problems.add(name + " " + p.paramLabel() + ": description '" + d + "'");
      }
    }
    cl.getSubcommands().values().forEach(sub -> walk(sub, problems));
  }

  /** A full stop or question mark, or a colon before a list when {@code colonAllowed}. */
  private static boolean endsSentence(String text, boolean colonAllowed) {
    return text.endsWith(".") || text.endsWith("?") || colonAllowed && text.endsWith(":");
  }

  /**
   * What picocli writes to standard error while rendering the help of {@code cl}: it formats each
   * description with String.format, and a lone '%' makes it print the raw text with a warning.
   */
  private static String usageWarnings(CommandLine cl) {
    java.io.PrintStream err = System.err;
    java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
    System.setErr(new java.io.PrintStream(buf, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      cl.getUsageMessage();
    } finally {
      System.setErr(err);
    }
    return buf.toString(java.nio.charset.StandardCharsets.UTF_8).strip();
  }
}
