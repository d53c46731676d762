package twostage.ad;

import org.hipparchus.analysis.differentiation.DSFactory;
import org.hipparchus.analysis.differentiation.DerivativeStructure;
import org.hipparchus.analysis.differentiation.Gradient;
import org.hipparchus.util.Binary64;

/**
 * A smooth function of w ∈ R^q with its gradient and Hessian: the empirical loss (1/m)Σℓ(w; z_i), or
 * ℓ̄(w; t̄) through a {@link SufficientStatistic}. What {@link NewtonMinimizer} minimises.
 */
public interface Objective {
  /** q. */
  int dimension();

  /** The value at w. */
  double value(double[] w);

  /** The gradient into {@code gradient}; returns the value. */
  double gradient(double[] w, double[] gradient);

  /** The Hessian into {@code hessian} (row-major q × q, overwritten) and the gradient; returns the value. */
  double hessian(double[] w, double[] gradient, double[] hessian);

  /** ℓ̄(w; t̄) of a sufficient statistic at a fixed mean t̄, differentiated automatically. */
  static Objective of(SufficientStatistic statistic, double[] mean, int q) {
    double[] t = mean.clone();
    DSFactory second = new DSFactory(q, 2);
    int[][] index = new int[q + 1][q + 1];
    int[] orders = new int[q];
    for (int i = 0; i <= q; i++) {
      for (int j = 0; j <= q; j++) {
        if (i < q) {
          orders[i]++;
        }
        if (j < q) {
          orders[j]++;
        }
        index[i][j] = second.getCompiler().getPartialDerivativeIndex(orders);
        java.util.Arrays.fill(orders, 0);
      }
    }
    return new Objective() {
      @Override
      public int dimension() {
        return q;
      }

      @Override
      public double value(double[] w) {
        Binary64[] v = new Binary64[q];
        for (int i = 0; i < q; i++) {
          v[i] = new Binary64(w[i]);
        }
        return statistic.meanLoss(v, t).getReal();
      }

      @Override
      public double gradient(double[] w, double[] gradient) {
        Gradient[] v = new Gradient[q];
        for (int i = 0; i < q; i++) {
          v[i] = Gradient.variable(q, i, w[i]);
        }
        Gradient l = statistic.meanLoss(v, t);
        System.arraycopy(l.getGradient(), 0, gradient, 0, q);
        return l.getValue();
      }

      @Override
      public double hessian(double[] w, double[] gradient, double[] hessian) {
        DerivativeStructure[] v = new DerivativeStructure[q];
        for (int i = 0; i < q; i++) {
          v[i] = second.variable(i, w[i]);
        }
        double[] all = statistic.meanLoss(v, t).getAllDerivatives();
        for (int i = 0; i < q; i++) {
          gradient[i] = all[index[i][q]];
          for (int j = 0; j < q; j++) {
            hessian[i * q + j] = all[index[i][j]];
          }
        }
        return all[0];
      }
    };
  }

  /** (1/m)Σℓ(w; z_i) over the rows of {@code samples} (m × dim z), through per-sample derivatives. */
  static Objective empirical(Derivatives derivatives, double[] samples, int m, int sampleDimension, int q) {
    return new Objective() {
      @Override
      public int dimension() {
        return q;
      }

      @Override
      public double value(double[] w) {
        double[] z = new double[sampleDimension];
        double s = 0;
        for (int i = 0; i < m; i++) {
          System.arraycopy(samples, i * sampleDimension, z, 0, sampleDimension);
          s += derivatives.loss(w, z);
        }
        return s / m;
      }

      @Override
      public double gradient(double[] w, double[] gradient) {
        double[] z = new double[sampleDimension];
        double[] g = new double[q];
        java.util.Arrays.fill(gradient, 0, q, 0.0);
        double s = 0;
        for (int i = 0; i < m; i++) {
          System.arraycopy(samples, i * sampleDimension, z, 0, sampleDimension);
          s += derivatives.score(w, z, g);
          for (int j = 0; j < q; j++) {
            gradient[j] += g[j] / m;
          }
        }
        return s / m;
      }

      @Override
      public double hessian(double[] w, double[] gradient, double[] hessian) {
        double[] z = new double[sampleDimension];
        double[] g = new double[q];
        java.util.Arrays.fill(gradient, 0, q, 0.0);
        java.util.Arrays.fill(hessian, 0, q * q, 0.0);
        for (int i = 0; i < m; i++) {
          System.arraycopy(samples, i * sampleDimension, z, 0, sampleDimension);
          derivatives.addHessian(w, z, hessian, g);
          for (int j = 0; j < q; j++) {
            gradient[j] += g[j] / m;
          }
        }
        for (int j = 0; j < q * q; j++) {
          hessian[j] /= m;
        }
        return value(w);
      }
    };
  }
}
