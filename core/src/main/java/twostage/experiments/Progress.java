package twostage.experiments;

/**
 * Where a study reports how far its tasks are. Implementations draw bars or print lines; the
 * executors call {@link #step} from worker threads, one call at a time.
 */
public interface Progress {
  /** Reports nothing. */
  Progress NONE = new Progress() {
    @Override
    public void start(String label, int total, int alreadyDone, double totalCost, double doneCost) {}

    @Override
    public void step(double cost) {}

    @Override
    public void finish() {}
  };

  /**
   * A batch of tasks begins.
   *
   * @param label what runs ("validate factor")
   * @param total tasks in the study
   * @param alreadyDone tasks found in the store
   * @param totalCost summed cost of all tasks
   * @param doneCost summed cost of the stored ones
   */
  void start(String label, int total, int alreadyDone, double totalCost, double doneCost);

  /**
   * A batch that began at {@code startedNanos} ({@link System#nanoTime}) and is reported only now: as
   * {@link #start} with nothing done, but times (the time left) count from {@code startedNanos}.
   */
  default void startedAt(String label, int total, double totalCost, long startedNanos) {
    start(label, total, 0, totalCost, 0);
  }

  /** One task of the given cost finished. */
  void step(double cost);

  /** The batch ended (normally or not). */
  void finish();
}
