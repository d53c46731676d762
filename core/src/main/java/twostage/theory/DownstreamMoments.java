package twostage.theory;

import org.ejml.data.DMatrixRMaj;

/**
 * Downstream moments at w⋆ under x ~ µ_down (docs/math.md §3): Σψ = E[ψψᵀ] (p×p), C = E[ψ Jᵀ] (p×q) and
 * E[J Jᵀ] (q×q), where ψ(x) = ψ(x, w⋆) are the features and J(x) = ∇_w ⟨θ⋆, ψ(x, w)⟩ at w⋆.
 *
 * @param featureGram Σψ = E[ψψᵀ]
 * @param cross C = E[ψ Jᵀ]
 * @param jacobianGram E[J Jᵀ]
 */
public record DownstreamMoments(DMatrixRMaj featureGram, DMatrixRMaj cross, DMatrixRMaj jacobianGram) {
  public DownstreamMoments {
    int p = featureGram.numRows;
    int q = jacobianGram.numRows;
    if (featureGram.numCols != p || jacobianGram.numCols != q || cross.numRows != p || cross.numCols != q) {
      throw new IllegalArgumentException(
          "expected featureGram p×p, cross p×q, jacobianGram q×q; got "
              + featureGram.numRows + "×" + featureGram.numCols + ", "
              + cross.numRows + "×" + cross.numCols + ", "
              + jacobianGram.numRows + "×" + jacobianGram.numCols);
    }
  }

  /**
   * The moments from the sum of [ψ; J][ψ; J]ᵀ over n draws ({@code joint}, (p+q)×(p+q) row-major):
   * its blocks Σψ, C and E[JJᵀ] divided by n.
   */
  public static DownstreamMoments ofJointSum(double[] joint, int p, int q, double n) {
    int dim = p + q;
    DMatrixRMaj sp = new DMatrixRMaj(p, p);
    DMatrixRMaj c = new DMatrixRMaj(p, q);
    DMatrixRMaj jj = new DMatrixRMaj(q, q);
    for (int i = 0; i < dim; i++) {
      for (int j = 0; j < dim; j++) {
        double v = joint[i * dim + j] / n;
        if (i < p && j < p) {
          sp.set(i, j, v);
        } else if (i < p) {
          c.set(i, j - p, v);
        } else if (j >= p) {
          jj.set(i - p, j - p, v);
        }
      }
    }
    return new DownstreamMoments(sp, c, jj);
  }

  /** p, the number of features. */
  public int featureDimension() {
    return featureGram.numRows;
  }

  /** q, the number of representative coordinates. */
  public int parameterDimension() {
    return jacobianGram.numRows;
  }
}
