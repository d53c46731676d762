package twostage.stats;

import org.hipparchus.special.Gamma;

/**
 * Inversion of the Laplace transform of Q = Σ_j m_j w_j χ²₁ (distinct weights 0 &lt; w_j ≤ 1 with
 * max w_j = 1, multiplicities m_j &gt; 0) along a hyperbola through the saddle point; the
 * mathematics, the error bound and the references are in {@link WeightedChiSquare} and
 * docs/weighted-chi-square.md. Immutable and thread-safe.
 *
 * <p>With φ(s) = E e^{−sQ} = Π(1 + 2w_j s)^{−m_j/2} (analytic off the cut (−∞, −1/2]):
 * P(Q ≤ y) = (1/2πi)∫_Γ e^{sy}φ(s) ds/s for Γ crossing the real axis at c &gt; 0,
 * P(Q &gt; y) = −(1/2πi)∫_Γ e^{sy}φ(s) ds/s for c ∈ (−1/2, 0), and the density is
 * (1/2πi)∫_Γ e^{sy}φ(s) ds for any c &gt; −1/2. Γ: s(t) = c + it − (√(t² + T²) − T), t ∈ ℝ.
 */
final class SaddlepointContour {
  private static final double EPS = 0x1p-52;
  /** Relative accuracy sought from the trapezoidal rule (the rounding floor usually decides). */
  private static final double TARGET = 1e-15;
  /** First trapezoidal step in units of the saddle-point scale σ = h''(c)^{−1/2}. */
  private static final double FIRST_STEP = 0.5;
  private static final int MAX_LEVELS = 10;
  private static final int MAX_NODES = 40_000;
  /** A node whose term is below this fraction of the running sum may end the march. */
  private static final double NEGLIGIBLE = 1e-18;
  /** The march ends once the rigorous tail bound is below this fraction of the running sum. */
  private static final double TAIL = 1e-17;
  /** Below e^{−746} every double underflows to 0. */
  private static final double UNDERFLOW = -746;

  private final double[] w;
  private final double[] halfM;
  private final double mean;
  private final double degrees;
  /** Σ m_j/(2w_j): the small-ball expansion of the CDF is exact to relative y times this. */
  private final double smallBallRate;
  /** log of the small-ball constant 1/(Γ(ν/2 + 1)Π(2w_j)^{m_j/2}). */
  private final double smallBallLog;

  /** An inverted quantity and a bound on its absolute error. */
  record Value(double value, double error) {}

  /** A tail of Q at y (the lower one when {@code lower}) and the density at y, from one contour. */
  record TailAndDensity(boolean lower, Value tail, Value density) {}

  /**
   * @param w distinct weights, largest first, {@code w[0] == 1}
   * @param m their multiplicities (positive)
   */
  SaddlepointContour(double[] w, double[] m) {
    this.w = w.clone();
    this.halfM = new double[m.length];
    double[] sum = new double[2];
    double nu = 0;
    double rate = 0;
    double logConst = 0;
    for (int j = 0; j < w.length; j++) {
      halfM[j] = m[j] / 2;
      addCompensated(sum, m[j] * w[j]);
      nu += m[j];
      rate += halfM[j] / w[j];
      logConst -= halfM[j] * Math.log(2 * w[j]);
    }
    this.mean = sum[0] + sum[1];
    this.degrees = nu;
    this.smallBallRate = rate;
    this.smallBallLog = logConst - Gamma.logGamma(nu / 2 + 1);
  }

  /** E[Q] = Σ m_j w_j. */
  double mean() {
    return mean;
  }

  /** Number of distinct weights. */
  int size() {
    return w.length;
  }

  /** P(Q ≤ y), y &gt; 0. */
  double lower(double y) {
    return lowerValue(y).value();
  }

  /** P(Q &gt; y), y &gt; 0. */
  double upper(double y) {
    return upperValue(y).value();
  }

  /** P(Q ≤ y) with an error bound, relative to itself down to the underflow limit. */
  Value lowerValue(double y) {
    if (y * smallBallRate <= 1e-17) {
      return smallBall(y);
    }
    return integrate(saddle(y, Kind.LOWER), false).tail;
  }

  /** P(Q &gt; y) with an error bound, relative to itself down to the underflow limit. */
  Value upperValue(double y) {
    return integrate(saddle(y, Kind.UPPER), false).tail;
  }

  /** The density at y &gt; 0 with an error bound (its own saddle point, no pole). */
  Value densityValue(double y) {
    return integrate(saddle(y, Kind.DENSITY), false).density;
  }

  /**
   * The smaller-side tail at y (lower when y &lt; E[Q]) and the density, from one contour: what a
   * Newton step of the quantile needs, at the cost of one inversion.
   */
  TailAndDensity tailAndDensity(double y) {
    boolean lower = y < mean;
    if (lower && y * smallBallRate <= 1e-17) {
      Value f = smallBall(y);
      Value d = new Value(f.value() * degrees / (2 * y), f.error() * degrees / (2 * y));
      return new TailAndDensity(true, f, d);
    }
    return integrate(saddle(y, lower ? Kind.LOWER : Kind.UPPER), true);
  }

  /**
   * P(Q ≤ y) = y^{ν/2}/(Γ(ν/2 + 1)Π(2w_j)^{m_j/2})·(1 − θ) with 0 ≤ θ ≤ y·Σ m_j/(2w_j): the
   * density is that monomial times E e^{−(Q-part)} ∈ [1 − y Σ m_j/(2w_j), 1] (Dirichlet integral).
   */
  private Value smallBall(double y) {
    double f = Math.exp(degrees / 2 * Math.log(y) + smallBallLog);
    return new Value(f, f * (y * smallBallRate + 4 * EPS * (1 + degrees * Math.abs(Math.log(y)))));
  }

  private enum Kind {
    LOWER, UPPER, DENSITY
  }

  /** The crossing point c and what the contour needs there. */
  private static final class Saddle {
    final double y;
    /** Whether the CDF pole 1/s is part of the exponent (LOWER, UPPER). */
    final boolean pole;
    final double c;
    /** 1 + 2w_j c rounded to double, accurate even when c is close to the branch point −1/2. */
    final double[] base;
    /** The rounding error of each base: the exact 1 + 2w_j c is base + baseError. */
    final double[] baseError;
    /** The low part of c: the exact crossing is c + cLow (c = (u − 1)/2 need not be a double). */
    final double cLow;
    /** β_j = 2w_j/(1 + 2w_j c) = d/dc log(1 + 2w_j c). */
    final double[] beta;
    /** h'(c): zero up to rounding. */
    final double residual;
    /** σ = h''(c)^{−1/2}. */
    final double sigma;

    Saddle(double y, boolean pole, double c, double cLow, double[] base, double[] baseError,
        double[] beta, double residual, double sigma) {
      this.y = y;
      this.pole = pole;
      this.c = c;
      this.cLow = cLow;
      this.base = base;
      this.baseError = baseError;
      this.beta = beta;
      this.residual = residual;
      this.sigma = sigma;
    }
  }

  /**
   * The saddle point of h(s) = sy + log φ(s) − [pole]·log|s| on the branch of {@code kind}: c &gt; 0
   * for LOWER, c ∈ (−1/2, 0) for UPPER, c &gt; −1/2 for DENSITY. h' is increasing on each branch;
   * the root is found by Newton's method safeguarded by a bracket whose ends are explicit bounds
   * (below), in the variable c when c ≥ 0 and u = 1 + 2c when c &lt; 0, so that 1 + 2w_j c keeps its
   * relative accuracy next to the branch point.
   */
  private Saddle saddle(double y, Kind kind) {
    boolean pole = kind != Kind.DENSITY;
    boolean positive;
    double lo;
    double hi;
    if (kind == Kind.LOWER) {
      // h'(c) ≤ y − 1/c < 0 below 1/y; Σ m_j w_j/(1 + 2w_j c) ≤ ν/(2c) gives h' ≥ 0 at (ν/2 + 1)/y
      positive = true;
      lo = 1 / y;
      hi = (degrees / 2 + 1) / y;
    } else if (kind == Kind.UPPER) {
      // with u ≤ 1/2 (|c| ≥ 1/4): h' ≤ y + 4 − m_1/u; and h' ≥ y at |c| = 1/(E[Q] + 2)
      positive = false;
      lo = 0.5 * Math.min(0.5, 2 * halfM[0] / (y + 4));
      hi = mean / (mean + 2);
    } else if (y < mean) {
      // h' ≤ y − E[Q]/(1 + 2c) and h' ≥ y − ν/(2c)
      positive = true;
      lo = 0.5 * (mean / y - 1) / 2;
      hi = degrees / (2 * y);
    } else if (y > mean) {
      // h' ≤ y − m_1/u and h'(u = 1) = y − E[Q] > 0
      positive = false;
      lo = 0.5 * 2 * halfM[0] / y;
      hi = 1;
    } else {
      return at(y, false, true, 0);
    }
    double v = lo;
    double previous = Double.POSITIVE_INFINITY;
    for (int it = 0; it < 400; it++) {
      double[] f = slope(y, pole, positive, v);
      if (f[0] == 0) {
        break;
      }
      if (f[0] < 0) {
        lo = v;
      } else {
        hi = v;
      }
      double next = v - f[0] / f[1];
      boolean slow = Math.abs(f[0]) > 0.5 * previous;
      previous = Math.abs(f[0]);
      if (!(next > lo && next < hi) || slow) {
        next = middle(lo, hi);
        previous = Double.POSITIVE_INFINITY;
      }
      boolean done = Math.abs(next - v) <= 1e-15 * Math.abs(v) || hi - lo <= 4 * Math.ulp(hi);
      v = next;
      if (done) {
        break;
      }
    }
    return at(y, pole, positive, v);
  }

  /** {h'(v), dh'/dv} at c = v (positive branch) or at u = 1 + 2c = v. */
  private double[] slope(double y, boolean pole, boolean positive, double v) {
    double c = positive ? v : (v - 1) / 2;
    double d1 = y - (pole ? 1 / c : 0);
    double d2 = pole ? 1 / (c * c) : 0;
    for (int j = 0; j < w.length; j++) {
      double base = positive ? 1 + 2 * w[j] * v : (1 - w[j]) + w[j] * v;
      double r = w[j] / base;
      d1 -= 2 * halfM[j] * r;
      d2 += 4 * halfM[j] * r * r;
    }
    return new double[] {d1, positive ? d2 : d2 / 2};
  }

  /**
   * The saddle data at the parameter v. The bases 1 + 2w_j c carry their rounding errors (exact by
   * fma and two-sum), because log(1 + 2w_j c) is multiplied by m_j/2 in the scale e^{cy}φ(c): one
   * ulp there would cost m_j/2 ulps of the result (10⁻¹³ relative at multiplicity 5000).
   */
  private Saddle at(double y, boolean pole, boolean positive, double v) {
    double c = positive ? v : (v - 1) / 2;
    double cLow = positive ? 0 : twoSumError(v, -1, v - 1) / 2;
    double[] base = new double[w.length];
    double[] baseError = new double[w.length];
    double[] beta = new double[w.length];
    double d1 = y - (pole ? 1 / c : 0);
    double d2 = pole ? 1 / (c * c) : 0;
    for (int j = 0; j < w.length; j++) {
      double a;
      double ae;
      if (positive) {
        a = 1;
        ae = 0;
      } else {
        a = 1 - w[j];
        ae = twoSumError(1, -w[j], a);
      }
      double two = positive ? 2 * w[j] : w[j];
      double b = two * v;
      double be = Math.fma(two, v, -b);
      base[j] = a + b;
      baseError[j] = twoSumError(a, b, base[j]) + ae + be;
      beta[j] = 2 * w[j] / base[j] * (1 - baseError[j] / base[j]);
      d1 -= halfM[j] * beta[j];
      d2 += halfM[j] * beta[j] * beta[j];
    }
    return new Saddle(y, pole, c, cLow, base, baseError, beta, d1, 1 / Math.sqrt(d2));
  }

  /** A point inside (lo, hi): the geometric mean when the bracket spans more than a factor 4. */
  static double middle(double lo, double hi) {
    return lo > 0 && hi > 4 * lo ? Math.sqrt(lo) * Math.sqrt(hi) : 0.5 * (lo + hi);
  }

  /** Neumaier's compensated summation: {@code acc = {sum, compensation}}. */
  private static void addCompensated(double[] acc, double x) {
    double t = acc[0] + x;
    acc[1] += Math.abs(acc[0]) >= Math.abs(x) ? (acc[0] - t) + x : (x - t) + acc[0];
    acc[0] = t;
  }

  /** The rounding error of {@code sum = a + b} (Knuth's two-sum). */
  private static double twoSumError(double a, double b, double sum) {
    double bv = sum - a;
    double av = sum - bv;
    return (a - av) + (b - bv);
  }

  /** Log-modulus, phase and rounding size of e^{δy}Π(1 + β_jδ)^{−m_j/2} at one node. */
  private static final class Node {
    double logMod;
    double phase;
    /** Sum of the absolute values of the terms added into logMod and phase. */
    double size;
  }

  private void node(Saddle sd, double dr, double di, Node out) {
    double ls = 0;
    double lc = 0;
    double ps = 0;
    double pc = 0;
    double size = 0;
    double[] beta = sd.beta;
    for (int j = 0; j < beta.length; j++) {
      double zr = beta[j] * dr;
      double zi = beta[j] * di;
      double l = -halfM[j] * 0.5 * Math.log1p(zr * (2 + zr) + zi * zi);
      double p = -halfM[j] * Math.atan2(zi, 1 + zr);
      double t = ls + l;
      lc += Math.abs(ls) >= Math.abs(l) ? (ls - t) + l : (l - t) + ls;
      ls = t;
      t = ps + p;
      pc += Math.abs(ps) >= Math.abs(p) ? (ps - t) + p : (p - t) + ps;
      ps = t;
      size += Math.abs(l) + Math.abs(p);
    }
    double ey = dr * sd.y;
    double py = di * sd.y;
    out.logMod = (ls + lc) + ey;
    out.phase = (ps + pc) + py;
    out.size = size + Math.abs(ey) + Math.abs(py);
  }

  /** Running trapezoidal sums of one integrand. */
  private static final class Sums {
    double sum;
    double abs;
    double rounding;

    void add(double f, double relative) {
      sum += f;
      abs += Math.abs(f);
      rounding += Math.abs(f) * relative;
    }
  }

  /**
   * The trapezoidal rule in τ = t/σ with steps FIRST_STEP·2^{−ℓ}, halving until the discretisation
   * estimate (the error squares at each halving, so err(h/2) ≲ |T_h − T_{h/2}|²/(2∫|F|)) is below
   * TARGET or the rounding floor. The march along the contour ends where the rigorous tail bound
   * {@link #tailBound} is negligible.
   */
  private TailAndDensity integrate(Saddle sd, boolean both) {
    boolean wantTail = sd.pole;
    boolean wantDensity = !sd.pole || both;
    double c = sd.c;
    double bigT = sd.base[0] / 2;
    double sigma = sd.sigma;
    // log(e^{cy}φ(c)) and the size of what it adds up
    // (c + cLow)·y exactly to two parts, then compensated: the parts are large and cancel
    double cy = c * sd.y;
    double[] k = {cy, Math.fma(c, sd.y, -cy) + sd.cLow * sd.y};
    double k0Size = Math.abs(cy);
    for (int j = 0; j < w.length; j++) {
      double l = halfM[j] * (Math.log(sd.base[j]) + sd.baseError[j] / sd.base[j]);
      addCompensated(k, -l);
      k0Size += Math.abs(l);
    }
    double k0 = k[0] + k[1];
    double logTailScale = k0 - Math.log(Math.abs(c == 0 ? 1 : c)) + Math.log(sigma / Math.PI);
    double logDensityScale = k0 + Math.log(sigma / Math.PI);
    double scaleRelativeError = EPS * (k0Size + 8);
    if ((!wantDensity || logDensityScale < UNDERFLOW) && (!wantTail || logTailScale < UNDERFLOW)) {
      Value zero = new Value(0, Math.exp(Math.max(logTailScale, logDensityScale)));
      return new TailAndDensity(c > 0, zero, zero);
    }
    Sums tail = new Sums();
    Sums dens = new Sums();
    Node nd = new Node();
    int[] count = {0};
    // τ = 0: s = c, the integrand is 1 in both normalisations
    double h = FIRST_STEP;
    double tauMax = march(sd, bigT, h, h, Double.POSITIVE_INFINITY, wantTail, wantDensity, tail, dens,
        nd, count);
    double tailPrev = h * (0.5 + tail.sum);
    double densPrev = h * (0.5 + dens.sum);
    double tailError = Double.POSITIVE_INFINITY;
    double densError = Double.POSITIVE_INFINITY;
    double tailValue = tailPrev;
    double densValue = densPrev;
    double tailBoundTail = tailBound(sd, sigma * tauMax, bigT, true);
    double tailBoundDens = tailBound(sd, sigma * tauMax, bigT, false);
    for (int level = 1; level <= MAX_LEVELS; level++) {
      march(sd, bigT, h / 2, h, tauMax, wantTail, wantDensity, tail, dens, nd, count);
      h /= 2;
      tailValue = h * (0.5 + tail.sum);
      densValue = h * (0.5 + dens.sum);
      double te = estimate(tailValue, tailPrev, h * (0.5 + tail.abs), h * tail.rounding);
      double de = estimate(densValue, densPrev, h * (0.5 + dens.abs), h * dens.rounding);
      tailError = te;
      densError = de;
      boolean tailDone = !wantTail || te <= TARGET * Math.abs(tailValue) || te < 0;
      boolean densDone = !wantDensity || (both && wantTail)
          || de <= TARGET * Math.abs(densValue) || de < 0;
      if ((tailDone && densDone) || count[0] > MAX_NODES) {
        break;
      }
      tailPrev = tailValue;
      densPrev = densValue;
    }
    Value tailOut = null;
    Value densOut = null;
    if (wantTail) {
      tailOut = scaled(tailValue, Math.abs(tailError) + tailBoundTail, logTailScale,
          scaleRelativeError);
    }
    if (wantDensity) {
      densOut = scaled(densValue, Math.abs(densError) + tailBoundDens, logDensityScale,
          scaleRelativeError);
    }
    return new TailAndDensity(c > 0, tailOut, densOut);
  }

  /**
   * Error of the refined trapezoidal value: |T_h − T_{h/2}|²/(2A) (A = ∫|F| ≤ the strip norm M of
   * Trefethen–Weideman's bound 2M/(e^{2πd/h} − 1), so the square law over-estimates) while the
   * difference is in the geometric regime, the difference itself otherwise, plus the rounding
   * floor. Negative (as a flag, magnitude kept) when the difference is already at the floor.
   */
  private static double estimate(double refined, double coarse, double abs, double rounding) {
    double floor = rounding + 4 * EPS * abs;
    double diff = Math.abs(refined - coarse);
    if (diff <= 2 * floor) {
      return -(diff + floor);
    }
    double disc = diff <= 1e-4 * abs ? diff * diff / (2 * abs) : diff;
    return disc + floor;
  }

  private static Value scaled(double value, double error, double logScale, double scaleError) {
    double scale = Math.exp(logScale);
    double v = scale * value;
    double e = scale * error + Math.abs(v) * scaleError;
    if (!Double.isFinite(v)) {
      return new Value(Double.NaN, Double.POSITIVE_INFINITY);
    }
    return new Value(v, e);
  }

  /**
   * Adds the nodes τ = start, start + step, … to the sums, up to {@code limit} or, when the limit is
   * infinite, until the terms are negligible and the rigorous tail bound is below TAIL of the
   * running sum. Returns the last τ.
   */
  private double march(Saddle sd, double bigT, double start, double step, double limit,
      boolean wantTail, boolean wantDensity, Sums tail, Sums dens, Node nd, int[] count) {
    int quiet = 0;
    double firstQuiet = 0;
    double nextCheck = 0;
    double tau = start;
    double c = sd.c;
    for (; tau < limit; tau += step) {
      double t = sd.sigma * tau;
      double root = Math.hypot(t, bigT);
      double dr = -t * t / (root + bigT);
      double slope = t / root;
      node(sd, dr, t, nd);
      count[0]++;
      double relBase = EPS * (nd.size + 16);
      double termTail = 0;
      double termDens = 0;
      if (wantDensity) {
        double mod = Math.exp(nd.logMod);
        termDens = mod * (Math.cos(nd.phase) - Math.sin(nd.phase) * slope);
        dens.add(termDens, relBase);
      }
      if (wantTail) {
        double pr = dr / c;
        double pi = t / c;
        double lp = 0.5 * Math.log1p(pr * (2 + pr) + pi * pi);
        double pp = Math.atan2(pi, 1 + pr);
        double ph = nd.phase - pp;
        double mod = Math.exp(nd.logMod - lp);
        termTail = mod * (Math.cos(ph) - Math.sin(ph) * slope);
        tail.add(termTail, relBase + EPS * (Math.abs(lp) + Math.abs(pp)));
      }
      if (limit < Double.POSITIVE_INFINITY) {
        if (count[0] > MAX_NODES) {
          break;
        }
        continue;
      }
      boolean small = (!wantTail || Math.abs(termTail) <= NEGLIGIBLE * Math.abs(0.5 + tail.sum))
          && (!wantDensity || Math.abs(termDens) <= NEGLIGIBLE * Math.abs(0.5 + dens.sum));
      quiet = small ? quiet + 1 : 0;
      if (quiet == 1 && firstQuiet == 0) {
        firstQuiet = tau;
      }
      if (quiet >= 3 && firstQuiet > 0 && tau > 4 * firstQuiet + 40) {
        // the terms stay negligible but the bound is weak: stop, the bound reports it
        break;
      }
      if (quiet >= 3 && tau >= nextCheck) {
        double t0 = sd.sigma * tau;
        boolean ok = (!wantTail
                || tailBound(sd, t0, bigT, true) <= TAIL * step * Math.abs(0.5 + tail.sum))
            && (!wantDensity
                || tailBound(sd, t0, bigT, false) <= TAIL * step * Math.abs(0.5 + dens.sum));
        if (ok) {
          break;
        }
        nextCheck = tau * 1.25;
      }
      if (count[0] > MAX_NODES) {
        break;
      }
    }
    return tau;
  }

  /**
   * A rigorous bound, in the units of the trapezoidal sum (that is, divided by σ), on
   * ∫_{t0}^∞ |F(t)| dt for the integrand with the pole ({@code withPole}) or without it.
   *
   * <p>Write e^{δy}Π(1 + β_jδ)^{−m_j/2} as e^{δ r}Π_j e^{(m_j/2)g_j} (times the pole's part), with
   * g_j = Re z − log|1 + z| at z = β_jδ, r the saddle residual, y = Σ(m_j/2)β_j [+ 1/c] + r. Along the
   * hyperbola each g_j is non-increasing from 0: d g/dt = Re(z z') + |z|² Re z' over |1 + z|², and
   * Re(z z') = β²t(ρ/R − 1) ≤ 0, Re z' = −βt/R ≤ 0 (R = √(t² + T²), ρ = R − T); so is the pole's
   * factor when c &gt; 0 (β = 1/c). When c &lt; 0 the pole contributes at most e^{ρ/|c|}min(1, |c|/t).
   * So on [t0, t1] the integrand is at most √2 e^{G(t0)} (|s'| ≤ √2), and beyond t1 the factors
   * with β_j t1 ≥ 1 are bounded by e^{−(m_j/2)β_jρ(t)}(β_j t1)^{−m_j/2}, whose integral is at most
   * e^{−Yρ(t1)}R(t1)/(Y t1) by convexity of ρ (Y the sum of their shares). The best of
   * t1 = t0, 2t0, 4t0, … is returned (+∞ if none gives Y &gt; 0).
   */
  private double tailBound(Saddle sd, double t0, double bigT, boolean withPole) {
    if (t0 <= 0) {
      return Double.POSITIVE_INFINITY;
    }
    double c = sd.c;
    double rho0 = t0 * t0 / (Math.hypot(t0, bigT) + bigT);
    double[] g = new double[w.length];
    double g0 = 0;
    for (int j = 0; j < w.length; j++) {
      double zr = -sd.beta[j] * rho0;
      double zi = sd.beta[j] * t0;
      g[j] = halfM[j] * (zr - 0.5 * Math.log1p(zr * (2 + zr) + zi * zi));
      g0 += g[j];
    }
    double poleLog0 = 0;
    if (sd.pole && c > 0) {
      if (withPole) {
        double zr = -rho0 / c;
        double zi = t0 / c;
        poleLog0 = zr - 0.5 * Math.log1p(zr * (2 + zr) + zi * zi);
      } else {
        poleLog0 = -rho0 / c;
      }
    }
    double r = Math.abs(sd.residual);
    double best = Double.POSITIVE_INFINITY;
    for (double t1 = t0; t1 < t0 * 0x1p60; t1 *= 2) {
      double root1 = Math.hypot(t1, bigT);
      double rho1 = t1 * t1 / (root1 + bigT);
      double y = -r;
      double logRest = 0;
      for (int j = 0; j < w.length; j++) {
        double bt = sd.beta[j] * t1;
        if (bt >= 1) {
          y += halfM[j] * sd.beta[j];
          logRest -= halfM[j] * Math.log(bt);
        } else {
          logRest += g[j];
        }
      }
      double first = g0 + r * rho1;
      if (sd.pole && c > 0) {
        first += poleLog0;
        if (withPole && t1 >= c) {
          y += 1 / c;
          logRest -= Math.log(t1 / c);
        } else if (withPole) {
          logRest += poleLog0;
        } else {
          y += 1 / c;
        }
      } else if (sd.pole) {
        y -= 1 / -c;
        first += rho1 / -c + (withPole ? Math.log(Math.min(1, -c / t0)) : 0);
        if (withPole) {
          logRest += Math.log(Math.min(1, -c / t1));
        }
      }
      if (!(y > 0)) {
        continue;
      }
      double bound = (t1 - t0) * Math.exp(first) + Math.exp(logRest - y * rho1) * root1 / (y * t1);
      best = Math.min(best, bound);
      if (t1 > 1e300) {
        break;
      }
    }
    return Math.sqrt(2) * best / sd.sigma;
  }
}
