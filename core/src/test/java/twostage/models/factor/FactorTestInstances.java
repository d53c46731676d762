package twostage.models.factor;

import java.util.List;

/** The instances the factor-model tests share. */
public final class FactorTestInstances {
  private FactorTestInstances() {}

  /** Gaussian k=2, d=5. */
  public static FactorInstance small() {
    return FactorInstance.generated(2, 5, 11);
  }

  /** Gaussian k=3, d=7. */
  public static FactorInstance medium() {
    return FactorInstance.generated(3, 7, 12);
  }

  /** One factor, d=4, σν = 1. */
  public static FactorInstance single() {
    return FactorInstance.generated(1, 4, 13, 1.0);
  }

  /** Very unequal singular values (4, 1, 0.3), β⋆ touching every singular direction. */
  public static FactorInstance unequal() {
    return FactorInstance.fromSingularValues(6, new double[] {4, 1, 0.3}, new double[] {1, -1, 1}, 0.5, 14);
  }

  /** Singular values (10, 1, 0.1): condition number 100, eigengap of Σx only 0.01. */
  public static FactorInstance extreme() {
    return FactorInstance.fromSingularValues(8, new double[] {10, 1, 0.1}, new double[] {1, 1, 1}, 0.5, 15);
  }

  public static List<FactorInstance> all() {
    return List.of(small(), medium(), single(), unequal());
  }
}
