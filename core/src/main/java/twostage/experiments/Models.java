package twostage.experiments;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import twostage.spi.Registry;

/**
 * The registry that studies resolve model names with, and a small per-process cache of what is costly
 * to build from a spec (instances, pipelines, baselines): tasks of one study share them, on a local
 * pool as on a Spark executor.
 */
public final class Models {
  private static final int CACHE_SIZE = 64;

  private static volatile Registry registry;

  private static final Map<Object, Object> CACHE = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
      return size() > CACHE_SIZE;
    }
  };

  private Models() {}

  /** Sets the registry (the command line does, after loading the user's model path). */
  public static void use(Registry r) {
    registry = r;
    synchronized (CACHE) {
      CACHE.clear();
    }
  }

  /** The registry: the one set by {@link #use}, else the models of the context class loader. */
  public static Registry registry() {
    Registry r = registry;
    if (r == null) {
      ClassLoader cl = Thread.currentThread().getContextClassLoader();
      r = Registry.load(cl != null ? cl : Models.class.getClassLoader());
      registry = r;
    }
    return r;
  }

  /**
   * The cached value for {@code key}, computed once per process by {@code make} (concurrent callers
   * of the same key may both compute it; one result is kept: values must be pure functions of keys).
   */
  @SuppressWarnings("unchecked")
  public static <K, V> V cached(K key, Function<K, V> make) {
    synchronized (CACHE) {
      Object v = CACHE.get(key);
      if (v != null) {
        return (V) v;
      }
    }
    V value = make.apply(key);
    synchronized (CACHE) {
      Object v = CACHE.putIfAbsent(key, value);
      return v == null ? value : (V) v;
    }
  }
}
