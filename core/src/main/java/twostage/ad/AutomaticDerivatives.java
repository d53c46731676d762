package twostage.ad;

import org.hipparchus.analysis.differentiation.DSFactory;
import org.hipparchus.analysis.differentiation.DerivativeStructure;
import org.hipparchus.analysis.differentiation.Gradient;
import org.hipparchus.util.Binary64;

/**
 * Derivatives of a {@link DifferentiableModel} by forward-mode automatic differentiation: scores and
 * feature Jacobians with {@link Gradient} (O(q) per operation), per-sample Hessians with second-order
 * {@link DerivativeStructure}s (O(q²) per operation).
 */
public final class AutomaticDerivatives implements Derivatives {
  private final DifferentiableModel model;
  private final int q;
  private final DSFactory second;
  private final int[] hessianIndex;
  private final int[] scoreIndex;

  /** Automatic derivatives of {@code model}. */
  public AutomaticDerivatives(DifferentiableModel model) {
    this.model = model;
    this.q = model.parameterDimension();
    this.second = new DSFactory(q, 2);
    this.hessianIndex = new int[q * q];
    this.scoreIndex = new int[q];
    int[] orders = new int[q];
    for (int i = 0; i < q; i++) {
      orders[i] = 1;
      scoreIndex[i] = second.getCompiler().getPartialDerivativeIndex(orders);
      orders[i] = 0;
    }
    for (int i = 0; i < q; i++) {
      for (int j = 0; j < q; j++) {
        orders[i]++;
        orders[j]++;
        hessianIndex[i * q + j] = second.getCompiler().getPartialDerivativeIndex(orders);
        orders[i] = 0;
        orders[j] = 0;
      }
    }
  }

  @Override
  public double loss(double[] w, double[] z) {
    return model.loss(values(w), z).getReal();
  }

  @Override
  public double score(double[] w, double[] z, double[] out) {
    Gradient l = model.loss(variables(w), z);
    System.arraycopy(l.getGradient(), 0, out, 0, q);
    return l.getValue();
  }

  @Override
  public void addHessian(double[] w, double[] z, double[] out, double[] score) {
    DerivativeStructure[] v = new DerivativeStructure[q];
    for (int i = 0; i < q; i++) {
      v[i] = second.variable(i, w[i]);
    }
    double[] all = model.loss(v, z).getAllDerivatives();
    for (int i = 0; i < q * q; i++) {
      out[i] += all[hessianIndex[i]];
    }
    if (score != null) {
      for (int i = 0; i < q; i++) {
        score[i] = all[scoreIndex[i]];
      }
    }
  }

  @Override
  public void features(double[] w, double[] x, double[] psi, double[] jacobian) {
    Gradient[] f = model.features(variables(w), x);
    int p = model.featureDimension();
    if (f.length != p) {
      throw new IllegalArgumentException(
          model.name() + ": features returned " + f.length + " values, featureDimension() is " + p);
    }
    for (int a = 0; a < p; a++) {
      psi[a] = f[a].getValue();
      System.arraycopy(f[a].getGradient(), 0, jacobian, a * q, q);
    }
  }

  @Override
  public void featureValues(double[] w, double[] x, double[] psi) {
    Binary64[] f = model.features(values(w), x);
    for (int a = 0; a < f.length; a++) {
      psi[a] = f[a].getReal();
    }
  }

  /** w as q independent variables. */
  Gradient[] variables(double[] w) {
    if (w.length != q) {
      throw new IllegalArgumentException("w must have q=" + q + " entries, got " + w.length);
    }
    Gradient[] v = new Gradient[q];
    for (int i = 0; i < q; i++) {
      v[i] = Gradient.variable(q, i, w[i]);
    }
    return v;
  }

  private static Binary64[] values(double[] w) {
    Binary64[] v = new Binary64[w.length];
    for (int i = 0; i < w.length; i++) {
      v[i] = new Binary64(w[i]);
    }
    return v;
  }
}
