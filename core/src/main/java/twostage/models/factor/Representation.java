package twostage.models.factor;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import twostage.linalg.Sym;

/**
 * The representation error Rep = E[(f⋆(x) − best linear predictor on ψ(x, Â))²] (docs/math.md §2) in
 * closed form for x ~ N(0, Σx): f⋆(x) = w⋆ᵀx and the features are linear, ψ(x, Â) = Ŵx, so
 * Rep = min_v (w⋆ − Ŵᵀv)ᵀ Σx (w⋆ − Ŵᵀv), the squared Σx-distance of w⋆ to the row space of Ŵ.
 */
public final class Representation {
  private Representation() {}

  /**
   * Rep for features spanned by the columns of {@code directions} (d×r): the features ψ = Ŵx span
   * {vᵀx : v ∈ range(directions)}. Computed as rᵀΣx r with r = w⋆ − D(DᵀΣxD)⁺DᵀΣx w⋆ (no
   * cancellation, so Rep ≈ 1/m stays accurate).
   */
  public static double error(FactorModel model, DMatrixRMaj directions) {
    DMatrixRMaj sigma = model.covariance();
    DMatrixRMaj w = model.regressionCoefficients();
    int d = model.d();
    if (directions.numCols == 0) {
      return quadratic(sigma, w);
    }
    DMatrixRMaj sd = new DMatrixRMaj(d, directions.numCols);
    CommonOps_DDRM.mult(sigma, directions, sd);
    DMatrixRMaj gram = new DMatrixRMaj(directions.numCols, directions.numCols);
    CommonOps_DDRM.multTransA(directions, sd, gram);
    DMatrixRMaj rhs = new DMatrixRMaj(directions.numCols, 1);
    CommonOps_DDRM.multTransA(sd, w, rhs);
    DMatrixRMaj coef = new DMatrixRMaj(directions.numCols, 1);
    CommonOps_DDRM.mult(Sym.pinv(gram, 1e-12), rhs, coef);
    DMatrixRMaj r = w.copy();
    CommonOps_DDRM.multAdd(-1.0, directions, coef, r);
    return quadratic(sigma, r);
  }

  /** Rep(M̂) for the PPCA fit: the features of Â span the eigenvectors with λ_i &gt; 1, i ≤ k. */
  public static double error(FactorModel model, PpcaFit fit) {
    DMatrixRMaj u = fit.leadingVectors();
    DMatrixRMaj kept = new DMatrixRMaj(u.numRows, fit.retained());
    int c = 0;
    for (int j = 0; j < fit.k(); j++) {
      if (fit.eigenvalues()[j] > 1) {
        for (int i = 0; i < u.numRows; i++) {
          kept.set(i, c, u.get(i, j));
        }
        c++;
      }
    }
    return error(model, kept);
  }

  /** Rep for the features ψ(x, A) = Aᵀ(I + AAᵀ)⁻¹x of an arbitrary loading A (d×k). */
  public static double errorOfLoading(FactorModel model, DMatrixRMaj a) {
    DMatrixRMaj s = CommonOps_DDRM.identity(a.numRows);
    CommonOps_DDRM.multAddTransB(a, a, s);
    DMatrixRMaj wt = new DMatrixRMaj(a.numRows, a.numCols);
    CommonOps_DDRM.mult(Sym.pinv(s, 0.0), a, wt); // columns of Ŵᵀ = (I + AAᵀ)⁻¹A
    return error(model, wt);
  }

  private static double quadratic(DMatrixRMaj sigma, DMatrixRMaj v) {
    double q = 0;
    int d = v.numRows;
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        q += v.get(i) * sigma.get(i, j) * v.get(j);
      }
    }
    return q;
  }
}
