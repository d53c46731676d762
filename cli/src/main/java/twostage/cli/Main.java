package twostage.cli;

import java.io.PrintWriter;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import twostage.experiments.LocalExecutor;
import twostage.experiments.Models;
import twostage.experiments.TaskExecutor;
import twostage.spi.Registry;
import twostage.linalg.Blas;

/** Entry point of the {@code twostage} command line. */
@Command(
    name = "twostage",
    mixinStandardHelpOptions = true,
    version = "twostage 0.2.0",
    description = {
      "Asymptotic excess risk of pre-training + downstream least squares (Tinati & Tu, COLT 2026).",
      "Every model registered on the class path (built in: factor, gmm, spectral) works with limit, "
          + "validate, check, crossover, plan and sweep."
    })
public final class Main implements Runnable {
  /** The commands, in the order of the usage message. */
  private static final List<Class<?>> COMMANDS = List.of(ReproduceCommand.class, LimitCommand.class,
      ValidateCommand.class, CheckCommand.class, CrossoverCommand.class, PlanCommand.class, SweepCommand.class,
      Figure2Command.class, LawCommand.class, CompareCommand.class, BenchCommand.class, CheckModelCommand.class,
      CoverageCommand.class, SimulateDataCommand.class, LearningCurveCommand.class);

  /** The commands that get one subcommand per registered model. */
  private static final List<String> MODEL_COMMANDS =
      List.of("limit", "validate", "check", "crossover", "plan", "sweep", "check-model", "coverage",
          "simulate-data", "learning-curve");

  /** Environment variable with extra model jars or directories (path-separator separated). */
  public static final String MODEL_PATH_ENV = "TWOSTAGE_MODEL_PATH";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--model-path", paramLabel = "JARS_OR_DIRS", scope = CommandLine.ScopeType.INHERIT,
      description = "Jars or class directories (separated by '" + "${sys:path.separator}" + "') holding models "
          + "registered through META-INF/services/twostage.spi.CaseStudy; also read from $" + MODEL_PATH_ENV + ".")
  String modelPath;

  /** How tasks run: a local pool by default; the spark module installs its own. */
  private static volatile IntFunction<TaskExecutor> executors = LocalExecutor::new;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Makes every command run its tasks with executors from {@code factory} (given the thread count). */
  public static void useExecutors(IntFunction<TaskExecutor> factory) {
    executors = factory;
  }

  /** A task executor with {@code threads} threads (or the installed cluster executor). */
  static TaskExecutor executor(int threads) {
    return executors.apply(threads);
  }

  /** Runs the command line and returns the exit code (0 ok, 2 bad input, 1 failure). */
  public static int execute(String... args) {
    CommandLine cl;
    try {
      cl = commandLine(args);
    } catch (IllegalArgumentException e) {
      System.err.println("twostage: " + e.getMessage());
      return 2;
    }
    try {
      return cl.execute(args);
    } catch (OutOfMemoryError e) {
      System.err.println("twostage: " + outOfMemory());
      return 2;
    }
  }

  private static String outOfMemory() {
    return "out of memory (heap " + Runtime.getRuntime().maxMemory() / (1 << 20)
        + " MB): use smaller sample sizes or dimensions, or more heap (TWOSTAGE_JAVA_OPTS=-Xmx...)";
  }

  /** The command line for the models of the standard class path (tests). */
  public static CommandLine commandLine() {
    return commandLine(new String[0]);
  }

  /**
   * The configured command line: the registry is loaded from the class path plus {@code --model-path}
   * (read ahead from {@code args}) and {@value #MODEL_PATH_ENV}, then every model gets its
   * subcommands. When {@code args} name a command, only that command is built (with its model
   * subcommands): building picocli's whole tree, one face per command and model, is most of the
   * start-up of a short run. Without a command (usage, version, tests) the whole tree is built.
   */
  public static CommandLine commandLine(String[] args) {
    Registry registry = Registry.load(modelLoader(args));
    Models.use(registry);
    CommandLine cl = new CommandLine(new Main());
    String invoked = invokedCommand(args);
    for (Class<?> c : COMMANDS) {
      String name = c.getAnnotation(Command.class).name();
      if (invoked == null || invoked.equals(name)) {
        cl.addSubcommand(name, c);
        if (MODEL_COMMANDS.contains(name)) {
          ModelFaces.register(cl.getSubcommands().get(name), registry);
        }
      }
    }
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setParameterExceptionHandler(Main::badInput);
    cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> failure(ex, commandLine));
    return cl;
  }

  /** The command {@code args} name (their first word that is not a top-level option), or null. */
  private static String invokedCommand(String[] args) {
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--model-path")) {
        i++;
      } else if (!a.startsWith("-")) {
        for (Class<?> c : COMMANDS) {
          if (c.getAnnotation(Command.class).name().equals(a)) {
            return a;
          }
        }
        return null;
      }
    }
    return null;
  }

  private static ClassLoader modelLoader(String[] args) {
    List<String> entries = new ArrayList<>();
    String env = System.getenv(MODEL_PATH_ENV);
    if (env != null && !env.isBlank()) {
      entries.add(env);
    }
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--model-path") && i + 1 < args.length) {
        entries.add(args[i + 1]);
      } else if (args[i].startsWith("--model-path=")) {
        entries.add(args[i].substring("--model-path=".length()));
      }
    }
    ClassLoader parent = Main.class.getClassLoader();
    if (entries.isEmpty()) {
      return parent;
    }
    List<URL> urls = new ArrayList<>();
    for (String e : entries) {
      for (String part : e.split(java.io.File.pathSeparator)) {
        if (part.isBlank()) {
          continue;
        }
        Path p = Path.of(part);
        if (!Files.exists(p)) {
          throw new IllegalArgumentException("--model-path: " + p + " does not exist");
        }
        try {
          urls.add(p.toUri().toURL());
        } catch (MalformedURLException ex) {
          throw new IllegalArgumentException("--model-path: " + p + " is not a usable path", ex);
        }
      }
    }
    ClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]), parent);
    Thread.currentThread().setContextClassLoader(loader);
    return loader;
  }

  private static int badInput(CommandLine.ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println(cmd.getCommandSpec().qualifiedName() + ": " + ex.getMessage() + " (see --help)");
    err.flush();
    return 2;
  }

  /** Bad input is exit 2 with its message; anything else is an internal error, exit 1, one line. */
  private static int failure(Exception ex, CommandLine commandLine) {
    PrintWriter err = commandLine.getErr();
    String name = commandLine.getCommandSpec().qualifiedName();
    if (ex instanceof IllegalArgumentException) {
      err.println(name + ": " + ex.getMessage());
      err.flush();
      return 2;
    }
    if (ex.getCause() instanceof OutOfMemoryError) {
      err.println(name + ": " + outOfMemory());
      err.flush();
      return 2;
    }
    err.println(name + ": internal error (" + ex.getClass().getSimpleName()
        + (ex.getMessage() == null ? "" : ": " + ex.getMessage().lines().findFirst().orElse(""))
        + "); please report it with the command line and the output of TWOSTAGE_DEBUG=1 (README, 'Reporting a problem')");
    if (System.getenv("TWOSTAGE_DEBUG") != null) {
      ex.printStackTrace(err);
    }
    err.flush();
    return 1;
  }

  /** False for usage and version requests, which need no numerics. */
  private static boolean computes(String[] args) {
    if (args.length == 0) {
      return false;
    }
    for (String a : args) {
      if (a.equals("-h") || a.equals("--help") || a.equals("-V") || a.equals("--version")) {
        return false;
      }
    }
    return true;
  }

  public static void main(String[] args) {
    if (computes(args)) {
      Blas.preload(); // about 0.2 s, overlapped with parsing and set-up
    }
    System.exit(execute(args));
  }
}
