package twostage.ad;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Checks a model's derivatives at a point: the automatic (or hand-written) gradient and Hessian of ℓ
 * and Jacobian of ψ against central finite differences of the values, each with the Taylor-remainder
 * slope; and, when the model has hand-written derivatives, those against the automatic ones. A model
 * whose code leaves the field (e.g. through {@code getReal()}) loses derivatives and fails here.
 */
public final class DerivativeChecker {
  private static final double STEP = 1e-5;

  private DerivativeChecker() {}

  /**
   * Checks at w (perturbed by {@code jitter}·N(0,1) per coordinate), with one z ~ µ_pre, one
   * x ~ µ_down and a random unit direction, all drawn from {@code rng}.
   */
  public static List<DerivativeCheck> check(
      DifferentiableModel model, double[] w, double jitter, UniformRandomProvider rng) {
    int q = model.parameterDimension();
    int p = model.featureDimension();
    if (w.length != q) {
      throw new IllegalArgumentException("w must have q=" + q + " entries, got " + w.length);
    }
    ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
    double[] at = w.clone();
    for (int i = 0; i < q; i++) {
      at[i] += jitter * g.sample();
    }
    double[] dir = new double[q];
    double n = 0;
    for (int i = 0; i < q; i++) {
      dir[i] = g.sample();
      n += dir[i] * dir[i];
    }
    for (int i = 0; i < q; i++) {
      dir[i] /= Math.sqrt(n);
    }
    double[] z = new double[model.sampleDimension()];
    model.samplePretraining(rng, 1, z);
    double[] x = new double[model.inputDimension()];
    model.sampleDownstream(rng, 1, x);

    List<DerivativeCheck> out = new ArrayList<>();
    Derivatives used = ModelAdapters.derivatives(model);
    AutomaticDerivatives auto = new AutomaticDerivatives(model);

    double[] grad = new double[q];
    used.score(at, z, grad);
    out.add(check("loss gradient",
        t -> new double[] {used.loss(shift(at, dir, t), z)}, new double[] {used.loss(at, z)}, new double[] {dot(grad, dir)}));

    double[] hess = new double[q * q];
    used.addHessian(at, z, hess, null);
    double[] hd = times(hess, dir, q);
    double[] g0 = new double[q];
    used.score(at, z, g0);
    out.add(check("loss Hessian", t -> {
      double[] gt = new double[q];
      used.score(shift(at, dir, t), z, gt);
      return gt;
    }, g0, hd));

    double[] psi = new double[p];
    double[] k = new double[p * q];
    used.features(at, x, psi, k);
    double[] kd = times(k, dir, q);
    out.add(check("feature Jacobian", t -> {
      double[] v = new double[p];
      used.featureValues(shift(at, dir, t), x, v);
      return v;
    }, psi, kd));

    if (model.handDerivatives() != null) {
      double[] ga = new double[q];
      double[] ha = new double[q * q];
      auto.addHessian(at, z, ha, ga);
      double[] hh = new double[q * q];
      used.addHessian(at, z, hh, null);
      double[] pa = new double[p];
      double[] ka = new double[p * q];
      auto.features(at, x, pa, ka);
      out.add(agreement("hand score vs automatic", grad, ga));
      out.add(agreement("hand Hessian vs automatic", hh, ha));
      out.add(agreement("hand feature Jacobian vs automatic", k, ka));
    }
    return out;
  }

  private interface Curve {
    double[] at(double t);
  }

  private static DerivativeCheck check(String name, Curve f, double[] f0, double[] derivative) {
    double[] plus = f.at(STEP);
    double[] minus = f.at(-STEP);
    double[] fd = new double[derivative.length];
    for (int i = 0; i < fd.length; i++) {
      fd[i] = (plus[i] - minus[i]) / (2 * STEP);
    }
    double rel = relative(derivative, fd);
    int points = 17;
    double[] steps = new double[points];
    double[] rem = new double[points];
    double scale = norm(f0) + norm(derivative);
    for (int j = 0; j < points; j++) {
      double t = Math.pow(10, -j / 2.0);
      double[] ft = f.at(t);
      double r = 0;
      for (int i = 0; i < ft.length; i++) {
        double e = ft[i] - f0[i] - t * derivative[i];
        r += e * e;
      }
      steps[j] = t;
      rem[j] = Math.sqrt(r);
    }
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double sxy = 0;
    int used = 0;
    for (int j = 0; j < points; j++) {
      if (steps[j] > 0.11 || steps[j] < 0.9e-5 || rem[j] <= 1e-11 * Math.max(scale, 1e-300)) {
        continue;
      }
      double lx = Math.log10(steps[j]);
      double ly = Math.log10(rem[j]);
      sx += lx;
      sy += ly;
      sxx += lx * lx;
      sxy += lx * ly;
      used++;
    }
    double slope = used >= 3 ? (used * sxy - sx * sy) / (used * sxx - sx * sx) : Double.NaN;
    boolean ok = rel <= DerivativeCheck.MAX_RELATIVE_ERROR && (Double.isNaN(slope) || Math.abs(slope - 2) <= 0.2);
    return new DerivativeCheck(name, rel, slope, steps, rem, ok);
  }

  private static DerivativeCheck agreement(String name, double[] hand, double[] auto) {
    double rel = relative(hand, auto);
    return new DerivativeCheck(name, rel, Double.NaN, new double[0], new double[0], rel <= 1e-8);
  }

  private static double[] shift(double[] w, double[] d, double t) {
    double[] out = w.clone();
    for (int i = 0; i < w.length; i++) {
      out[i] += t * d[i];
    }
    return out;
  }

  private static double[] times(double[] m, double[] v, int cols) {
    int rows = m.length / cols;
    double[] out = new double[rows];
    for (int r = 0; r < rows; r++) {
      double s = 0;
      for (int c = 0; c < cols; c++) {
        s += m[r * cols + c] * v[c];
      }
      out[r] = s;
    }
    return out;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  private static double norm(double[] a) {
    return Math.sqrt(dot(a, a));
  }

  private static double relative(double[] a, double[] b) {
    double e = 0;
    for (int i = 0; i < a.length; i++) {
      e += (a[i] - b[i]) * (a[i] - b[i]);
    }
    return Math.sqrt(e) / Math.max(Math.max(norm(a), norm(b)), 1e-300);
  }
}
