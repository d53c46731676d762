package twostage.spi;

import java.util.Locale;

/**
 * Checks a computation's estimated memory against the heap before any work, so that a size that
 * cannot fit is refused with the estimate instead of ending in an out-of-memory error.
 */
public final class Resources {
  /** Share of the maximum heap a single computation may plan to use. */
  public static final double HEAP_SHARE = 0.8;

  private Resources() {}

  /**
   * Refuses {@code bytes} that exceed {@link #HEAP_SHARE} of the heap.
   *
   * @param what the options that set the size, e.g. "--K 150 --d 150 (method reduced)"
   * @throws IllegalArgumentException naming the options, the estimate and the heap
   */
  public static void requireHeap(double bytes, String what) {
    long heap = Runtime.getRuntime().maxMemory();
    if (bytes > HEAP_SHARE * heap) {
      throw new IllegalArgumentException(what + " needs about " + size(bytes) + " of memory, more than "
          + (int) (100 * HEAP_SHARE) + "% of the " + size(heap) + " heap: use smaller values or more heap "
          + "(TWOSTAGE_JAVA_OPTS=-Xmx...)");
    }
  }

  /** Bytes in words: "3.2 GB". */
  public static String size(double bytes) {
    String[] units = {"B", "KB", "MB", "GB", "TB", "PB"};
    int u = 0;
    while (bytes >= 1024 && u < units.length - 1) {
      bytes /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, bytes < 10 ? "%.1f %s" : "%.0f %s", bytes, units[u]);
  }

  /** Seconds in words: "45 s", "12 min", "3.5 h", "11 days". */
  public static String duration(double seconds) {
    if (seconds < 120) {
      return String.format(Locale.ROOT, "%.0f s", seconds);
    }
    if (seconds < 7200) {
      return String.format(Locale.ROOT, "%.0f min", seconds / 60);
    }
    if (seconds < 2 * 86400) {
      return String.format(Locale.ROOT, "%.1f h", seconds / 3600);
    }
    return String.format(Locale.ROOT, "%.0f days", seconds / 86400);
  }
}
