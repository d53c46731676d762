package twostage.linalg;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas_nolapack;

/**
 * The optional tuned BLAS (OpenBLAS, shipped inside the org.bytedeco:openblas jars) behind the
 * rank-k updates of {@link GramSum}. Loading takes about 0.2 s, so it starts on a daemon thread at
 * the first call of {@link #preload()} and callers wait for it only when they need it.
 *
 * <p>The system property {@value #PROPERTY} chooses: {@code auto} (default: OpenBLAS when it loads,
 * otherwise the pure-Java kernels), {@code java} (always the pure-Java kernels) or {@code openblas}
 * (fail when it cannot load). OpenBLAS runs one thread per call: parallelism comes from the callers'
 * workers, so that each group of samples is summed in the same order whatever the thread count.
 */
public final class Blas {
  /** System property choosing the kernels: auto, java or openblas. */
  public static final String PROPERTY = "twostage.blas";

  private static final CompletableFuture<String> LOAD = new CompletableFuture<>();
  private static volatile boolean started;

  private Blas() {}

  /** Starts loading OpenBLAS in the background (no-op when already started or not wanted). */
  public static void preload() {
    if (started) {
      return;
    }
    synchronized (Blas.class) {
      if (started) {
        return;
      }
      started = true;
      String choice = choice();
      if (choice.equals("java")) {
        LOAD.complete("pure Java (" + PROPERTY + "=java)");
        return;
      }
      Thread t = new Thread(Blas::load, "openblas-loader");
      t.setDaemon(true);
      t.start();
    }
  }

  /** True when OpenBLAS is loaded and chosen; waits for a load in progress. */
  public static boolean available() {
    return describe().startsWith("OpenBLAS");
  }

  /** Which kernels {@link GramSum} uses, with the reason when it falls back to pure Java. */
  public static String describe() {
    preload();
    try {
      return LOAD.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while loading OpenBLAS", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          PROPERTY + "=openblas but OpenBLAS cannot load: " + e.getCause(), e.getCause());
    }
  }

  /**
   * sum += XᵀX on the lower triangle (row-major {@code dim × dim}), X the row-major
   * {@code count × dim} block in {@code rows}: one {@code cblas_dsyrk}.
   */
  static void syrkLower(DoublePointer rows, int count, int dim, DoublePointer sum) {
    openblas_nolapack.cblas_dsyrk(
        openblas_nolapack.CblasRowMajor,
        openblas_nolapack.CblasLower,
        openblas_nolapack.CblasTrans,
        dim,
        count,
        1.0,
        rows,
        dim,
        1.0,
        sum,
        dim);
  }

  /**
   * sum += AAᵀ on the lower triangle (row-major {@code dim × dim}), A the {@code dim × count} block
   * of the row-major array {@code columns} with row length {@code stride}: one {@code cblas_dsyrk}
   * without transposition.
   */
  static void syrkLowerColumns(DoublePointer columns, int count, int dim, int stride, DoublePointer sum) {
    openblas_nolapack.cblas_dsyrk(
        openblas_nolapack.CblasRowMajor,
        openblas_nolapack.CblasLower,
        openblas_nolapack.CblasNoTrans,
        dim,
        count,
        1.0,
        columns,
        stride,
        1.0,
        sum,
        dim);
  }

  /**
   * The best rate, in 10⁹ fused multiply-adds per second on one thread, of {@code repeats} OpenBLAS
   * {@code dgemm} products of two n×n matrices: the machine's practical arithmetic peak, the yardstick
   * of the floor that {@code twostage bench} reports. NaN when OpenBLAS is not in use.
   */
  public static double peakRate(int n, int repeats) {
    if (!available()) {
      return Double.NaN;
    }
    long size = (long) n * n;
    try (DoublePointer a = new DoublePointer(size);
        DoublePointer b = new DoublePointer(size);
        DoublePointer c = new DoublePointer(size)) {
      for (long i = 0; i < size; i++) {
        a.put(i, ((i * 7919) % 1000) / 1000.0 - 0.5);
        b.put(i, ((i * 104729) % 1000) / 1000.0 - 0.5);
      }
      double best = 0;
      for (int r = 0; r < repeats; r++) {
        long t0 = System.nanoTime();
        openblas_nolapack.cblas_dgemm(openblas_nolapack.CblasRowMajor, openblas_nolapack.CblasNoTrans,
            openblas_nolapack.CblasNoTrans, n, n, n, 1.0, a, n, b, n, 0.0, c, n);
        double secs = (System.nanoTime() - t0) / 1e9;
        best = Math.max(best, (double) n * n * n / secs / 1e9);
      }
      return best;
    }
  }

  private static String choice() {
    String c = System.getProperty(PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
    if (!c.equals("auto") && !c.equals("java") && !c.equals("openblas")) {
      throw new IllegalArgumentException(
          PROPERTY + " must be auto, java or openblas, got '" + c + "'");
    }
    return c;
  }

  private static void load() {
    try {
      Loader.load(openblas_nolapack.class);
      openblas_nolapack.blas_set_num_threads(1);
      LOAD.complete("OpenBLAS " + Loader.getVersion("org.bytedeco", "openblas")
          + " (cblas_dsyrk, one thread per worker)");
    } catch (Throwable e) {
      if (choice().equals("openblas")) {
        LOAD.completeExceptionally(e);
      } else {
        LOAD.complete("pure Java (OpenBLAS did not load: " + e + ")");
      }
    }
  }
}
