package twostage.models.spectral;

/**
 * A closed-form law ‖L(Z)‖² = Σ_j w_j χ²₁(j) with its mean Σ_j w_j.
 *
 * @param label "paper" (as printed) or "corrected" (our derivation)
 * @param source the equations it implements, e.g. "(H.39)"
 * @param mean Σ_j w_j
 * @param weights w_j, largest first
 */
public record ClosedForm(String label, String source, double mean, double[] weights) {
  static ClosedForm of(String label, String source, double[] weights) {
    double[] w = weights.clone();
    java.util.Arrays.sort(w);
    double[] desc = new double[w.length];
    double sum = 0;
    for (int i = 0; i < w.length; i++) {
      desc[i] = w[w.length - 1 - i];
      sum += w[i];
    }
    return new ClosedForm(label, source, sum, desc);
  }
}
