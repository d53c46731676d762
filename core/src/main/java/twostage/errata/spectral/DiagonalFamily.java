package twostage.errata.spectral;

import java.util.Arrays;
import java.util.Comparator;
import twostage.models.spectral.SpectralInstance;

/**
 * The coordinate-aligned family of Appendix H.7: Σpre = diag(a), Σ⁺pre = diag(c), Σdown = diag(s),
 * whitened eigenvalues c_u/a_u; {@code top} lists the coordinates of the k largest (largest first, so
 * row i of A⋆ sits on coordinate top[i]), {@code rest} the others (largest first).
 *
 * @param pre diagonal of Σpre
 * @param down diagonal of Σdown
 * @param top coordinates of λ_1 ≥ … ≥ λ_k
 * @param rest coordinates of the remaining eigenvalues
 * @param lambda λ_i = c_top[i]/a_top[i]
 * @param mu μ_j = c_rest[j]/a_rest[j]
 * @param tau τ = Σ_i λ_i²
 */
record DiagonalFamily(
    double[] pre, double[] down, int[] top, int[] rest, double[] lambda, double[] mu, double tau) {

  /**
   * Reads the family from a diagonal instance.
   *
   * @param paperSetting also require what Appendix H.7 assumes for (H.39): Σdown = I and the top-k
   *     whitened eigenvalues in the first k coordinates
   */
  static DiagonalFamily of(SpectralInstance inst, boolean paperSetting) {
    if (!inst.isDiagonal()) {
      throw new IllegalArgumentException(
          "closed forms of Appendix H.7 need diagonal sigmaPre, sigmaPlus and sigmaDown");
    }
    int d = inst.dimension();
    int k = inst.k();
    double[][] sp = inst.sigmaPre();
    double[][] spl = inst.sigmaPlus();
    double[][] sd = inst.sigmaDown();
    double[] a = new double[d];
    double[] s = new double[d];
    double[] ratio = new double[d];
    Integer[] order = new Integer[d];
    for (int u = 0; u < d; u++) {
      a[u] = sp[u][u];
      s[u] = sd[u][u];
      ratio[u] = spl[u][u] / a[u];
      order[u] = u;
    }
    Arrays.sort(order, Comparator.comparingDouble((Integer u) -> -ratio[u]));
    int[] top = new int[k];
    int[] rest = new int[d - k];
    double[] lambda = new double[k];
    double[] mu = new double[d - k];
    double tau = 0;
    for (int i = 0; i < d; i++) {
      if (i < k) {
        top[i] = order[i];
        lambda[i] = ratio[order[i]];
        tau += lambda[i] * lambda[i];
      } else {
        rest[i - k] = order[i];
        mu[i - k] = ratio[order[i]];
      }
    }
    if (paperSetting) {
      for (int u = 0; u < d; u++) {
        if (s[u] != 1) {
          throw new IllegalArgumentException(
              "(H.39) is stated for sigmaDown = I (Appendix H.7), got diagonal entry " + s[u]);
        }
      }
      int[] sorted = top.clone();
      Arrays.sort(sorted);
      for (int i = 0; i < k; i++) {
        if (sorted[i] != i) {
          throw new IllegalArgumentException(
              "(H.39) assumes c_i/a_i > e_j/b_j: the top-k whitened eigenvalues must sit in the "
                  + "first k coordinates");
        }
      }
    }
    return new DiagonalFamily(a, s, top, rest, lambda, mu, tau);
  }
}
