package twostage.stats;

import java.util.Arrays;

/**
 * An independent reference for the law of Q = Σ m_j λ_j χ²₁: Imhof's (1961) real integral
 * P(Q &gt; x) = 1/2 + (1/π)∫₀^∞ sin θ(u)/(u ρ(u)) du, θ(u) = ½Σ m_j arctan(λ_j u) − ½xu,
 * ρ(u) = Π(1 + λ_j²u²)^{m_j/4} (θ written as ½Σ m_j(arctan λ_ju − λ_ju) + ½(E[Q] − x)u so that
 * nothing cancels near the mean), evaluated by adaptive Gauss–Kronrod (7–15) quadrature on panels of
 * half an oscillation, truncated at U where Imhof's bound ∫_U^∞ du/(uρ) ≤ U^{−k}/(k Π_S λ_j^{m_j/2})
 * (k = Σ_S m_j/2, S any subset of the weights) is below 10⁻¹⁷. Its absolute accuracy is ~10⁻¹⁴,
 * so it checks central probabilities and moderate tails, not relative accuracy deep in the tails.
 * Shares no code with the saddle-point inversion.
 */
final class ImhofReference {
  private static final double[] XK = {
    0.991455371120812639206854697526329, 0.949107912342758524526189684047851,
    0.864864423359769072789712788640926, 0.741531185599394439863864773280788,
    0.586087235467691130294144845693013, 0.405845151377397166906606412076961,
    0.207784955007898467600689403773245, 0.0};
  private static final double[] WK = {
    0.022935322010529224963732008058970, 0.063092092629978553290700663189204,
    0.104790010322250183839876322541518, 0.140653259715525918745189590510238,
    0.169004726639267902826583426598550, 0.190350578064785409913256402421014,
    0.204432940075298892414161999234649, 0.209482141084727828012999174891714};
  private static final double[] WG = {
    0.129484966168869693270611432679082, 0.279705391489276667901467771423780,
    0.381830050505118944950369775488975, 0.417959183673469387755102040816327};

  private final double[] lambda;
  private final double[] m;
  private final double mean;
  private final double absTol;
  private final double scale;
  private final int[] descending;
  long evaluations;

  /** Weights λ_j (normalised internally by the largest) with multiplicities m_j. */
  ImhofReference(double[] lambda, double[] m, double absTol) {
    double max = Arrays.stream(lambda).max().orElseThrow();
    this.lambda = Arrays.stream(lambda).map(v -> v / max).toArray();
    this.m = m.clone();
    double s = 0;
    for (int j = 0; j < lambda.length; j++) {
      s += m[j] * this.lambda[j];
    }
    this.mean = s;
    this.absTol = absTol;
    this.scale = max;
    Integer[] idx = new Integer[lambda.length];
    for (int j = 0; j < idx.length; j++) {
      idx[j] = j;
    }
    Arrays.sort(idx, (a, b) -> Double.compare(this.lambda[b], this.lambda[a]));
    this.descending = Arrays.stream(idx).mapToInt(Integer::intValue).toArray();
  }

  /** Groups equal weights of a plain weight vector. */
  static ImhofReference of(double[] weights, double absTol) {
    double[] sorted = weights.clone();
    Arrays.sort(sorted);
    double[] l = new double[sorted.length];
    double[] m = new double[sorted.length];
    int k = -1;
    for (int i = 0; i < sorted.length; i++) {
      if (sorted[i] <= 0) {
        continue;
      }
      if (k >= 0 && sorted[i] == l[k]) {
        m[k]++;
      } else {
        l[++k] = sorted[i];
        m[k] = 1;
      }
    }
    return new ImhofReference(Arrays.copyOf(l, k + 1), Arrays.copyOf(m, k + 1), absTol);
  }

  /** P(Q &gt; x). */
  double survival(double x) {
    double y = x / scale;
    double upper = truncation();
    // θ'(u) is between −y/2 and (E[Q] − y)/2: panels of a quarter period of the fastest oscillation
    double width = Math.PI / (Math.max(Math.abs(mean - y), y) + 1);
    double sum = 0;
    int panels = (int) Math.ceil(upper / width);
    double h = upper / panels;
    for (int i = 0; i < panels; i++) {
      sum += adaptive(y, i * h, (i + 1) * h, absTol / panels, 0);
    }
    return 0.5 + sum / Math.PI;
  }

  /** P(Q ≤ x). */
  double cdf(double x) {
    return 1 - survival(x);
  }

  /** The smallest U (on a grid of ratio 1.25) at which the truncation bound is below 10⁻¹⁷. */
  private double truncation() {
    for (double u = 1e-3; ; u *= 1.25) {
      // S = weights with λu ≥ 1, taken from the largest down
      double k = 0;
      double logProd = 0;
      double best = Double.POSITIVE_INFINITY;
      for (int j = 0; j < lambda.length; j++) {
        int idx = descending[j];
        if (lambda[idx] * u < 1) {
          break;
        }
        k += m[idx] / 2;
        logProd += m[idx] / 2 * Math.log(lambda[idx]);
        best = Math.min(best, -k * Math.log(u) - Math.log(k) - logProd);
      }
      if (best < Math.log(1e-17)) {
        return u;
      }
    }
  }

  /** θ(u)/(uρ(u)) with θ = ½Σ m_j(arctan λ_ju − λ_ju) + ½(E[Q] − x)u, free of cancellation near 0. */
  private double integrand(double y, double u) {
    evaluations++;
    if (u == 0) {
      return 0.5 * (mean - y);
    }
    double theta = 0.5 * (mean - y) * u;
    double logRho = 0;
    for (int j = 0; j < lambda.length; j++) {
      double lu = lambda[j] * u;
      theta += 0.5 * m[j] * atanMinusX(lu);
      logRho += 0.25 * m[j] * Math.log1p(lu * lu);
    }
    return Math.sin(theta) / (u * Math.exp(logRho));
  }

  /** arctan z − z, accurate relative to itself (series below 0.1). */
  private static double atanMinusX(double z) {
    if (Math.abs(z) >= 0.1) {
      return Math.atan(z) - z;
    }
    double z2 = z * z;
    double power = -z * z2;
    double sum = 0;
    for (int k = 3; k < 60; k += 2) {
      double term = power / k;
      sum += term;
      if (Math.abs(term) <= 1e-18 * Math.abs(sum)) {
        break;
      }
      power *= -z2;
    }
    return sum;
  }


  /**
   * Gauss–Kronrod 7–15 on [a, b], bisected until QUADPACK's error estimate
   * |K − G|·min(1, (200|K − G|/I_abs)^{3/2}) is below the interval's share of the tolerance or at the
   * rounding floor 50ε·I_abs (I_abs the Kronrod integral of |f − mean f|).
   */
  private double adaptive(double y, double a, double b, double tol, int depth) {
    double c = 0.5 * (a + b);
    double r = 0.5 * (b - a);
    double[] f = new double[15];
    f[14] = integrand(y, c);
    for (int i = 0; i < 7; i++) {
      f[2 * i] = integrand(y, c - r * XK[i]);
      f[2 * i + 1] = integrand(y, c + r * XK[i]);
    }
    double kron = WK[7] * f[14];
    double gauss = WG[3] * f[14];
    for (int i = 0; i < 7; i++) {
      kron += WK[i] * (f[2 * i] + f[2 * i + 1]);
      if (i % 2 == 1) {
        gauss += WG[i / 2] * (f[2 * i] + f[2 * i + 1]);
      }
    }
    double mean = kron / 2;
    double asc = WK[7] * Math.abs(f[14] - mean);
    for (int i = 0; i < 7; i++) {
      asc += WK[i] * (Math.abs(f[2 * i] - mean) + Math.abs(f[2 * i + 1] - mean));
    }
    kron *= r;
    gauss *= r;
    asc *= r;
    double err = Math.abs(kron - gauss);
    if (asc > 0 && err > 0) {
      err = asc * Math.min(1, Math.pow(200 * err / asc, 1.5));
    }
    if (err <= Math.max(tol, 50 * 0x1p-52 * asc) || depth >= 30) {
      return kron;
    }
    return adaptive(y, a, c, tol / 2, depth + 1) + adaptive(y, c, b, tol / 2, depth + 1);
  }

}
