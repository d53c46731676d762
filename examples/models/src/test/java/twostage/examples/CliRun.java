package twostage.examples;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import twostage.cli.Main;

/**
 * Runs the command line in-process as a user would, with this module's models on {@code --model-path}
 * (the {@code command-line} test execution keeps them off the class path), and captures exit code,
 * standard output and standard error.
 */
record CliRun(int exit, String out, String err) {
  /** The models' class directory, relative to this module. */
  static final String MODEL_PATH = Path.of("target", "classes").toString();

  /** An instance file of examples/, beside this module. */
  static String instanceFile(String name) {
    return Path.of("..", "..", "examples", name).toString();
  }

  /** {@code twostage COMMAND --model-path target/classes ARGS...}. */
  static CliRun withModels(String command, String... args) {
    List<String> all = new ArrayList<>();
    all.add(command);
    all.add("--model-path");
    all.add(MODEL_PATH);
    all.addAll(List.of(args));
    return of(all.toArray(String[]::new));
  }

  /** The command line exactly as given (exit 2 with the message when the model path is unusable, as Main.execute). */
  static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl;
    try {
      cl = Main.commandLine(args);
    } catch (IllegalArgumentException e) {
      return new CliRun(2, "", "twostage: " + e.getMessage());
    }
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }
}
