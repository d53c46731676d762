package twostage.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import twostage.experiments.Progress;

/**
 * Progress on standard error: a bar (tasks done, time left from the tasks' costs) when standard error
 * is a terminal; otherwise one plain line per tenth of the work, so that logs hold no
 * carriage-return frames.
 */
final class ConsoleProgress implements Progress {
  private final PrintStream err;
  private final boolean terminal;
  private ProgressBar bar;
  private String label;
  private int total;
  private int done;
  private double totalCost;
  private double doneCost;
  private double startCost;
  private long t0;
  private int lastTenth;

  private ConsoleProgress(PrintStream err, boolean terminal) {
    this.err = err;
    this.terminal = terminal;
  }

  /** Progress for a command: nothing with {@code --no-progress}. */
  static Progress of(RunOptions run) {
    return of(run.noProgress);
  }

  /** Progress for a command without run options. */
  static Progress of(boolean noProgress) {
    return noProgress ? Progress.NONE : new ConsoleProgress(System.err, System.console() != null);
  }

  @Override
  public void start(String label, int total, int alreadyDone, double totalCost, double doneCost) {
    this.label = label;
    this.total = total;
    this.done = alreadyDone;
    this.totalCost = totalCost;
    this.doneCost = doneCost;
    this.startCost = doneCost;
    this.t0 = System.nanoTime();
    this.lastTenth = (int) (10 * doneCost / totalCost);
    if (terminal) {
      bar = new ProgressBarBuilder().setTaskName(label).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
          .setUnit(" tasks", 1).showSpeed().continuousUpdate().setUpdateIntervalMillis(500)
          .startsFrom(alreadyDone, Duration.ZERO)
          .setEtaFunction(state -> java.util.Optional.ofNullable(eta()))
          .build();
    } else if (alreadyDone > 0) {
      err.printf(Locale.ROOT, "[%s] resuming: %d of %d tasks already stored%n", label, alreadyDone, total);
    }
  }

  @Override
  public void startedAt(String label, int total, double totalCost, long startedNanos) {
    start(label, total, 0, totalCost, 0);
    t0 = startedNanos;
  }

  @Override
  public void step(double cost) {
    done++;
    doneCost += cost;
    if (bar != null) {
      bar.stepTo(done);
      return;
    }
    int tenth = (int) (10 * doneCost / totalCost);
    if (tenth > lastTenth) {
      lastTenth = tenth;
      Duration left = eta();
      err.printf(Locale.ROOT, "[%s] %d%% (%d/%d tasks)%s%n", label, Math.min(100, 10 * tenth), done, total,
          left == null || done == total ? "" : ", about " + human(left) + " left");
      err.flush();
    }
  }

  @Override
  public void finish() {
    if (bar != null) {
      bar.close();
      bar = null;
    }
  }

  /** Time left from the cost done so far in this run. */
  private Duration eta() {
    double spent = (System.nanoTime() - t0) / 1e9;
    double work = doneCost - startCost;
    if (work <= 0 || spent <= 0) {
      return null;
    }
    return Duration.ofMillis((long) (1000 * spent * (totalCost - doneCost) / work));
  }

  private static String human(Duration d) {
    long s = d.toSeconds();
    return s < 120 ? s + " s" : s < 7200 ? (s / 60) + " min" : String.format(Locale.ROOT, "%.1f h", s / 3600.0);
  }
}
