package twostage.spi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The registered {@link CaseStudy}s, found through {@link ServiceLoader} on a class loader: the
 * built-in models and any model on the user's class path (docs/adding-a-model.md).
 */
public final class Registry {
  private final Map<String, CaseStudy> studies;

  private Registry(Map<String, CaseStudy> studies) {
    this.studies = studies;
  }

  /**
   * The case studies visible to {@code loader}.
   *
   * @throws IllegalArgumentException when two case studies share a name or one cannot be loaded
   */
  public static Registry load(ClassLoader loader) {
    List<CaseStudy> found = new ArrayList<>();
    try {
      ServiceLoader.load(CaseStudy.class, loader).forEach(found::add);
    } catch (ServiceConfigurationError e) {
      throw new IllegalArgumentException("a registered model cannot be loaded: " + e.getMessage(), e);
    }
    return of(found);
  }

  /** The case studies of this class path. */
  public static Registry standard() {
    return load(Registry.class.getClassLoader());
  }

  /** A registry of the given case studies (tests, embedding). */
  public static Registry of(List<CaseStudy> list) {
    Map<String, CaseStudy> m = new LinkedHashMap<>();
    List<CaseStudy> sorted = new ArrayList<>(list);
    sorted.sort(Comparator.comparing(CaseStudy::name));
    for (CaseStudy s : sorted) {
      String name = s.name();
      if (name == null || !name.matches("[a-z][a-z0-9-]*")) {
        throw new IllegalArgumentException("model " + s.getClass().getName()
            + " has an invalid name '" + name + "' (lower-case letters, digits and '-')");
      }
      CaseStudy old = m.put(name, s);
      if (old != null) {
        throw new IllegalArgumentException("two models are registered as '" + name + "': "
            + old.getClass().getName() + " and " + s.getClass().getName());
      }
    }
    return new Registry(m);
  }

  /** All case studies, by name. */
  public List<CaseStudy> all() {
    return List.copyOf(studies.values());
  }

  /** The names. */
  public List<String> names() {
    return List.copyOf(studies.keySet());
  }

  /**
   * The case study called {@code name}.
   *
   * @throws IllegalArgumentException listing the registered names when there is none
   */
  public CaseStudy get(String name) {
    CaseStudy s = studies.get(name);
    if (s == null) {
      throw new IllegalArgumentException("no model is registered as '" + name + "'; registered: "
          + String.join(", ", studies.keySet()));
    }
    return s;
  }
}
