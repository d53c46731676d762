package twostage.models.mixture;

/**
 * Posterior responsibilities of an equal-weight, identity-covariance mixture with centres c_i, evaluated
 * at y: softmax_i(⟨c_i, y⟩ − ½‖c_i‖²) (eq. 6.3 when y and c_i are subspace coordinates; the full-space
 * posteriors of Lemma J.4 otherwise), computed with the maximum logit subtracted.
 */
final class Posteriors {
  private Posteriors() {}

  /** ½‖c_i‖² for each centre. */
  static double[] halfNorms(double[][] centres) {
    double[] h = new double[centres.length];
    for (int i = 0; i < centres.length; i++) {
      double s = 0;
      for (double v : centres[i]) {
        s += v * v;
      }
      h[i] = 0.5 * s;
    }
    return h;
  }

  /** Writes the posteriors at y = {@code y[yo..yo+dim)} into {@code out} (length K). */
  static void compute(double[][] centres, double[] halfNorms, double[] y, int yo, double[] out) {
    int k = centres.length;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < k; i++) {
      double s = -halfNorms[i];
      double[] c = centres[i];
      for (int a = 0; a < c.length; a++) {
        s += c[a] * y[yo + a];
      }
      out[i] = s;
      max = Math.max(max, s);
    }
    double total = 0;
    for (int i = 0; i < k; i++) {
      out[i] = Math.exp(out[i] - max);
      total += out[i];
    }
    for (int i = 0; i < k; i++) {
      out[i] /= total;
    }
  }
}
