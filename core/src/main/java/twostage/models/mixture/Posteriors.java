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

  /**
   * The posteriors of {@code count} points stored by coordinate (y[a][n]) into out[i][n], with the
   * same operations per point as {@link #compute} (hence the same bits), in loops over the points;
   * {@code max} and {@code total} are scratch of length at least {@code count}.
   */
  static void columns(double[][] centres, double[] halfNorms, double[][] y, int count, double[][] out,
      double[] max, double[] total) {
    int k = centres.length;
    java.util.Arrays.fill(max, 0, count, Double.NEGATIVE_INFINITY);
    for (int i = 0; i < k; i++) {
      double[] oi = out[i];
      double[] c = centres[i];
      java.util.Arrays.fill(oi, 0, count, -halfNorms[i]);
      for (int a = 0; a < c.length; a++) {
        double ca = c[a];
        double[] ya = y[a];
        for (int n = 0; n < count; n++) {
          oi[n] += ca * ya[n];
        }
      }
      for (int n = 0; n < count; n++) {
        max[n] = Math.max(max[n], oi[n]);
      }
    }
    java.util.Arrays.fill(total, 0, count, 0.0);
    for (int i = 0; i < k; i++) {
      double[] oi = out[i];
      for (int n = 0; n < count; n++) {
        double e = Math.exp(oi[n] - max[n]);
        oi[n] = e;
        total[n] += e;
      }
    }
    for (int i = 0; i < k; i++) {
      double[] oi = out[i];
      for (int n = 0; n < count; n++) {
        oi[n] /= total[n];
      }
    }
  }

  /**
   * The features ψ = [π_i(y − c_i), π_i]_{i ≤ K} (eq. 6.4 in the coordinates of the centres) at
   * y = {@code y[yo..)} into {@code out[o..o + K(r+1))}; {@code pi} (length K) is left holding π.
   */
  static void features(double[][] centres, double[] halfNorms, double[] y, int yo, double[] pi, double[] out, int o) {
    compute(centres, halfNorms, y, yo, pi);
    int r = centres[0].length;
    for (int i = 0; i < centres.length; i++) {
      double[] ui = centres[i];
      int b = o + i * (r + 1);
      for (int c = 0; c < r; c++) {
        out[b + c] = pi[i] * (y[yo + c] - ui[c]);
      }
      out[b + r] = pi[i];
    }
  }

  /**
   * {@link #features} of {@code count} points stored by coordinate (y[c][n]) into out[j][n], with the
   * same operations per point (hence the same bits); pi (K arrays) is left holding π, max and total are
   * scratch of length at least {@code count}.
   */
  static void featureColumns(double[][] centres, double[] halfNorms, double[][] y, int count, double[][] out,
      double[][] pi, double[] max, double[] total) {
    columns(centres, halfNorms, y, count, pi, max, total);
    int r = centres[0].length;
    for (int i = 0; i < centres.length; i++) {
      double[] ui = centres[i];
      double[] pii = pi[i];
      for (int c = 0; c < r; c++) {
        double[] o = out[i * (r + 1) + c];
        double[] yc = y[c];
        double u = ui[c];
        for (int n = 0; n < count; n++) {
          o[n] = pii[n] * (yc[n] - u);
        }
      }
      System.arraycopy(pii, 0, out[i * (r + 1) + r], 0, count);
    }
  }
}
