package twostage.simulate;

import twostage.models.mixture.MixtureInstance;

/** Test access to the package-private Fisher preconditioner. */
public final class MixtureTwoStageAccess {
  private MixtureTwoStageAccess() {}

  public static double[] inverseFisher(MixtureInstance instance) {
    return MixtureTwoStage.inverseFisher(instance);
  }
}
