package twostage.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import twostage.cli.Main;

/**
 * The Spark entry point: {@code ./twostage-spark COMMAND ...} (or {@code spark-submit --class
 * twostage.spark.SparkMain}) takes the arguments of {@code ./twostage COMMAND ...} plus
 * {@code --master URL} (default {@code local[*]}, or spark-submit's) and runs the command with its
 * tasks on Spark: the same studies, the same files, the same resume.
 */
public final class SparkMain {
  private SparkMain() {}

  /** Runs the command on Spark and returns its exit code. */
  public static int run(String... args) {
    String master = null;
    List<String> rest = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--master")) {
        if (i + 1 >= args.length) {
          System.err.println("twostage-spark: --master needs a URL, e.g. local[2] or spark://host:7077");
          return 2;
        }
        master = args[++i];
      } else if (args[i].startsWith("--master=")) {
        master = args[i].substring("--master=".length());
      } else {
        rest.add(args[i]);
      }
    }
    SparkConf conf = new SparkConf().setAppName("twostage " + String.join(" ", rest));
    if (master != null) {
      conf.setMaster(master);
    } else if (!conf.contains("spark.master")) {
      conf.setMaster("local[*]");
    }
    if (conf.get("spark.master").startsWith("local")) {
      conf.setIfMissing("spark.ui.enabled", "false");
      conf.setIfMissing("spark.driver.host", "127.0.0.1");
      conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
    }
    try (JavaSparkContext sc = new JavaSparkContext(conf)) {
      sc.setLogLevel("WARN");
      Main.useExecutors(threads -> new SparkExecutor(sc, threads));
      return Main.execute(rest.toArray(new String[0]));
    }
  }

  /** Runs the command on Spark and exits with its code. */
  public static void main(String[] args) {
    System.exit(run(args));
  }
}
