package twostage.stats;

/**
 * Inversion of the Laplace transform of Q = Σ m_j w_j χ²₁ (distinct weights w_j ≤ 1, max w_j = 1,
 * multiplicities m_j) along a parabola through the saddle point; see {@link WeightedChiSquare} for
 * the mathematics and the error control.
 *
 * <p>With φ(s) = E e^{−sQ} = Π(1 + 2w_j s)^{−m_j/2}, analytic off the cut (−∞, −1/2]: P(Q ≤ y) =
 * (1/2πi)∫_Γ e^{sy} φ(s) ds/s for a contour Γ crossing the real axis at c > 0, and P(Q > y) =
 * −(1/2πi)∫_Γ e^{sy} φ(s) ds/s for c ∈ (−1/2, 0) (the pole at 0 is passed), and the density is
 * (1/2πi)∫_Γ e^{sy} φ(s) ds for any c > −1/2. Γ: s(t) = c + it − at², t ∈ ℝ. Immutable.
 */
final class SaddlepointContour {
  /** Relative size of |T_h − T_{h/2}| at which T_{h/2} is accepted (its error is then ~ this²). */
  private static final double ACCEPT = 1e-7;
  /** Terms below this fraction of the running sum end the march along the contour. */
  private static final double NEGLIGIBLE = 1e-19;
  private static final int MAX_NODES = 200_000;
  private static final double INITIAL_STEP = 0.5;
  private static final double CURVATURE = 0.25;
  /** Below e^{−760} every double underflows to 0. */
  private static final double UNDERFLOW = -760;

  private final double[] w;
  private final double[] m;
  private final double mean;

  SaddlepointContour(double[] w, double[] m) {
    this.w = w;
    this.m = m;
    double s = 0;
    for (int j = 0; j < w.length; j++) {
      s += m[j] * w[j];
    }
    this.mean = s;
  }

  double mean() {
    return mean;
  }

  /** P(Q ≤ y), accurate relative to itself; y > 0. */
  double lower(double y) {
    return integrate(y, Kind.LOWER);
  }

  /** P(Q > y), accurate relative to itself; y > 0. */
  double upper(double y) {
    return integrate(y, Kind.UPPER);
  }

  /** The density of Q at y > 0. */
  double density(double y) {
    return integrate(y, Kind.DENSITY);
  }

  private enum Kind {
    LOWER, UPPER, DENSITY
  }

  /** A point c on the real axis with 1 + 2w_j c kept accurate near the branch point c = −1/2. */
  private final class Point {
    final double c;
    final double[] base = new double[w.length];

    /** c ≥ 0 given directly, or c = (u − 1)/2 < 0 given by u = 1 + 2c ∈ (0, 1). */
    Point(double c, double u) {
      this.c = c;
      for (int j = 0; j < w.length; j++) {
        base[j] = c >= 0 ? 1 + 2 * w[j] * c : (1 - w[j]) + w[j] * u;
      }
    }
  }

  private Point pointAtC(double c) {
    return new Point(c, Double.NaN);
  }

  private Point pointAtU(double u) {
    return new Point((u - 1) / 2, u);
  }

  private double slope(Point p, double y, double pole) {
    double d = y - (pole == 0 ? 0 : pole / p.c);
    for (int j = 0; j < w.length; j++) {
      d -= m[j] * w[j] / p.base[j];
    }
    return d;
  }

  /** ρ²h''(c) for the saddle-point exponent h(s) = sy + log φ(s) − pole·log|s|. */
  private double scaledCurvature(Point p, double pole, double rho) {
    double r0 = pole == 0 ? 0 : rho / p.c;
    double h2 = r0 * r0;
    for (int j = 0; j < w.length; j++) {
      double r = w[j] * rho / p.base[j];
      h2 += 2 * m[j] * r * r;
    }
    return h2;
  }

  /** The saddle point of s ↦ sy + log φ(s) − pole·log|s| on the branch of {@code kind}. */
  private Point saddle(double y, Kind kind) {
    double pole = kind == Kind.DENSITY ? 0 : 1;
    if (kind == Kind.LOWER || (kind == Kind.DENSITY && y < mean)) {
      double total = 0;
      for (double mj : m) {
        total += mj;
      }
      double c = root(v -> slope(pointAtC(v), y, pole), (total / 2 + pole) / y);
      return pointAtC(c);
    }
    if (kind == Kind.DENSITY && y == mean) {
      return pointAtC(0);
    }
    return pointAtU(root(u -> slope(pointAtU(u), y, pole), 1));
  }

  /**
   * The root in (0, hi] of an increasing function that is negative near 0 and ≥ 0 at hi, to a
   * relative 10⁻¹³: a geometric search down from hi for a negative value, then bisection (geometric
   * while the bracket spans more than a factor 4).
   */
  private static double root(java.util.function.DoubleUnaryOperator f, double hi) {
    double lo = hi;
    do {
      hi = lo;
      lo = hi * 1e-3;
    } while (lo > Double.MIN_NORMAL && f.applyAsDouble(lo) >= 0);
    for (int it = 0; it < 200 && hi - lo > 1e-13 * hi; it++) {
      double mid = hi > 4 * lo ? Math.sqrt(lo) * Math.sqrt(hi) : 0.5 * (lo + hi);
      if (f.applyAsDouble(mid) < 0) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return 0.5 * (lo + hi);
  }

  private double integrate(double y, Kind kind) {
    double pole = kind == Kind.DENSITY ? 0 : 1;
    Point p = saddle(y, kind);
    double logChernoff = p.c * y;
    for (int j = 0; j < w.length; j++) {
      logChernoff -= 0.5 * m[j] * Math.log(p.base[j]);
    }
    double left = kind == Kind.LOWER ? p.c : p.c >= 0 ? p.c + 0.5 : p.base[0] / 2;
    double sigma = left / Math.sqrt(scaledCurvature(p, pole, left));
    // Chernoff: either tail ≤ e^{cy}φ(c); the density is ≈ e^{cy}φ(c)σ/√(2π)
    double logSize = kind == Kind.DENSITY ? logChernoff + Math.log(sigma) : logChernoff;
    if (logSize < UNDERFLOW) {
      return 0;
    }
    double a = Math.min(CURVATURE / sigma, CURVATURE / left);
    double shift = logChernoff - (pole == 0 ? 0 : Math.log(Math.abs(p.c)));
    Integrand g = new Integrand(p, y, a, pole, sigma, shift);
    double h = INITIAL_STEP;
    double sum = 0.5 * g.at(0) + march(g, h, h);
    double value = h * sum;
    while (true) {
      double mid = march(g, h / 2, h);
      double refined = 0.5 * h * (sum + mid);
      double diff = Math.abs(refined - value);
      sum += mid;
      h /= 2;
      value = refined;
      if (diff <= ACCEPT * Math.abs(value) || value == 0 || g.evaluations > MAX_NODES) {
        break;
      }
    }
    if (g.evaluations > MAX_NODES) {
      throw new ArithmeticException("weighted chi-square inversion did not converge at y = " + y);
    }
    double scale = Math.exp(shift + Math.log(sigma / Math.PI));
    return kind == Kind.UPPER ? -scale * value : scale * value;
  }

  /** log √(x² + y²) without overflow or underflow. */
  private static double logHypot(double x, double y) {
    double big = Math.max(Math.abs(x), Math.abs(y));
    if (big > 1e150 || big < 1e-150) {
      double r = Math.min(Math.abs(x), Math.abs(y)) / big;
      return Math.log(big) + 0.5 * Math.log1p(r * r);
    }
    return 0.5 * Math.log(x * x + y * y);
  }

  /** Σ g(start + k·step), k ≥ 0, until the terms are negligible. */
  private double march(Integrand g, double start, double step) {
    double s = 0;
    int small = 0;
    for (double tau = start; ; tau += step) {
      double term = g.at(tau);
      s += term;
      if (Math.abs(term) <= NEGLIGIBLE * Math.abs(s) || term == 0) {
        if (++small >= 3 && tau > 4) {
          return s;
        }
      } else {
        small = 0;
      }
      if (g.evaluations > MAX_NODES) {
        return s;
      }
    }
  }

  /** τ ↦ Re[e^{sy} φ(s) (1 + 2iat)/s^pole]·e^{−shift} at s = c + it − at², t = στ. */
  private final class Integrand {
    final Point p;
    final double y;
    final double a;
    final double pole;
    final double sigma;
    final double shift;
    int evaluations;

    Integrand(Point p, double y, double a, double pole, double sigma, double shift) {
      this.p = p;
      this.y = y;
      this.a = a;
      this.pole = pole;
      this.sigma = sigma;
      this.shift = shift;
    }

    double at(double tau) {
      evaluations++;
      double t = sigma * tau;
      double dr = -(a * t) * t;
      double logMod = (p.c + dr) * y - shift;
      double phase = t * y;
      for (int j = 0; j < w.length; j++) {
        double zr = p.base[j] + 2 * w[j] * dr;
        double zi = 2 * w[j] * t;
        double ar = 2 * w[j] * (p.c + dr);
        double logAbs =
            Math.abs(ar) + Math.abs(zi) < 0.5
                ? 0.5 * Math.log1p(2 * ar + ar * ar + zi * zi)
                : logHypot(zr, zi);
        logMod -= 0.5 * m[j] * logAbs;
        phase -= 0.5 * m[j] * Math.atan2(zi, zr);
      }
      logMod += logHypot(1, 2 * a * t);
      phase += Math.atan2(2 * a * t, 1);
      if (pole != 0) {
        logMod -= logHypot(p.c + dr, t);
        phase -= Math.atan2(t, p.c + dr);
      }
      return Math.exp(logMod) * Math.cos(phase);
    }
  }
}
