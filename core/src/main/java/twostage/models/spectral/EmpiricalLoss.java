package twostage.models.spectral;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The empirical spectral loss f(A) = −2⟨M, Ŝ⁺⟩ + vech(M)ᵀF̂ vech(M), M = AᵀA, from its sufficient
 * statistics, with its Euclidean derivatives in vec(A): ∇f = 2AG with G = ∇_M f = −2Ŝ⁺ + G_F, where
 * (G_F)_bb = 2(F̂m)_bb and (G_F)_bc = (F̂m)_bc; and ∇²f[E₁,E₂] = 2⟨G, sym(E₁ᵀE₂)⟩ + 2 ṁ₁ᵀF̂ṁ₂ with
 * ṁ = vech(EᵀA + AᵀE) (second-order expansion of f(A + E) with M(A+E) = M + Ṁ + EᵀE).
 */
final class EmpiricalLoss {
  private final SpectralStatistics stats;
  private final int d;
  private final int[][] pairs;
  private final int[][] index; // (b,c) -> vech index

  EmpiricalLoss(SpectralStatistics stats) {
    this.stats = stats;
    this.d = stats.dimension();
    this.pairs = SpectralStatistics.vechPairs(d);
    this.index = new int[d][d];
    for (int u = 0; u < pairs.length; u++) {
      index[pairs[u][0]][pairs[u][1]] = u;
      index[pairs[u][1]][pairs[u][0]] = u;
    }
  }

  double value(DMatrixRMaj a) {
    double[] mv = vech(gram(a));
    double quad = 0;
    for (int u = 0; u < mv.length; u++) {
      double t = 0;
      for (int v = 0; v < mv.length; v++) {
        t += stats.quartic().unsafe_get(u, v) * mv[v];
      }
      quad += mv[u] * t;
    }
    return -2 * SpectralPopulation.inner(gram(a), stats.cross()) + quad;
  }

  /** G = ∇_M f (d×d symmetric). */
  DMatrixRMaj descriptorGradient(DMatrixRMaj a) {
    double[] mv = vech(gram(a));
    DMatrixRMaj g = new DMatrixRMaj(d, d);
    for (int u = 0; u < mv.length; u++) {
      double t = 0;
      for (int v = 0; v < mv.length; v++) {
        t += stats.quartic().unsafe_get(u, v) * mv[v];
      }
      int b = pairs[u][0];
      int c = pairs[u][1];
      if (b == c) {
        g.set(b, b, 2 * t);
      } else {
        g.set(b, c, t);
        g.set(c, b, t);
      }
    }
    CommonOps_DDRM.addEquals(g, -2, stats.cross());
    return g;
  }

  /** ∇f(A) = 2AG (k×d). */
  DMatrixRMaj gradient(DMatrixRMaj a) {
    DMatrixRMaj out = SpectralPopulation.mult(a, descriptorGradient(a));
    CommonOps_DDRM.scale(2, out);
    return out;
  }

  /** ∇²f(A) (q×q). */
  DMatrixRMaj hessian(DMatrixRMaj a) {
    int k = a.numRows;
    int q = k * d;
    DMatrixRMaj g = descriptorGradient(a);
    double[][] mdots = new double[q][];
    double[][] fm = new double[q][];
    for (int i = 0; i < q; i++) {
      mdots[i] = vech(SpectralPopulation.mdot(a, i / d, i % d));
      fm[i] = new double[mdots[i].length];
      for (int u = 0; u < fm[i].length; u++) {
        double t = 0;
        for (int v = 0; v < fm[i].length; v++) {
          t += stats.quartic().unsafe_get(u, v) * mdots[i][v];
        }
        fm[i][u] = t;
      }
    }
    DMatrixRMaj h = new DMatrixRMaj(q, q);
    for (int i = 0; i < q; i++) {
      for (int j = 0; j <= i; j++) {
        double t = 0;
        for (int u = 0; u < fm[i].length; u++) {
          t += mdots[j][u] * fm[i][u];
        }
        double v = 2 * t;
        if (i / d == j / d) {
          v += 2 * g.get(i % d, j % d);
        }
        h.set(i, j, v);
        h.set(j, i, v);
      }
    }
    return h;
  }

  private double[] vech(DMatrixRMaj m) {
    double[] out = new double[pairs.length];
    for (int u = 0; u < pairs.length; u++) {
      out[u] = m.get(pairs[u][0], pairs[u][1]);
    }
    return out;
  }

  private static DMatrixRMaj gram(DMatrixRMaj a) {
    DMatrixRMaj m = new DMatrixRMaj(a.numCols, a.numCols);
    CommonOps_DDRM.multTransA(a, a, m);
    return m;
  }
}
