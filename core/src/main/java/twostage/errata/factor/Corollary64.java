package twostage.errata.factor;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import twostage.linalg.SymmetricEigen;
import twostage.errata.ClosedFormLaw;
import twostage.models.factor.FactorModel;

/**
 * Corollary 6.4's law of ‖L(Z)‖², as printed and corrected.
 *
 * <p>Printed: ‖L(Z)‖² =d ‖(I_k + Σ⋆)^{-1/2} U1ᵀA⋆β⋆‖² χ²_{d−k}, with M⋆ = U1 Σ⋆ U1ᵀ. In the
 * singular basis A⋆ = U1 S Rᵀ (Σ⋆ = S²), γ = Rᵀβ⋆, this is Σ_i s_i² γ_i² / (1 + s_i²).
 *
 * <p>Corrected: the appendix's step after (I.13) drops the section term (I − P⋆)Σx⁻¹Ds(M⋆)[v]β⋆,
 * which is not zero: (I − P⋆)Ds(M⋆)[v] = (I − P⋆) v A⋆(A⋆ᵀA⋆)⁻¹ moves range(U_M). Keeping it,
 * L(v)(x) = xᵀ(I − P⋆) v [Σx⁻¹A⋆ − A⋆(A⋆ᵀA⋆)⁻¹] β⋆ = −xᵀ(I − P⋆) v A⋆(A⋆ᵀA⋆)⁻¹(I + A⋆ᵀA⋆)⁻¹β⋆,
 * and (I.15)–(I.17) then give ‖L(Z)‖² =d ‖(I_k + Σ⋆)^{-1/2} Σ⋆⁻¹ U1ᵀA⋆β⋆‖² χ²_{d−k}
 * = β⋆ᵀ(A⋆ᵀA⋆)⁻¹(I_k + A⋆ᵀA⋆)⁻¹β⋆ χ²_{d−k} = Σ_i γ_i² / (s_i²(1 + s_i²)) χ²_{d−k}.
 */
public final class Corollary64 {
  /** Label of the printed law. */
  public static final String PAPER = "paper Corollary 6.4 as printed";

  /** Label of the corrected law. */
  public static final String CORRECTED = "corrected (section term kept)";

  private Corollary64() {}

  /** The law as printed: weight ‖(I_k + Σ⋆)^{-1/2} U1ᵀA⋆β⋆‖², d − k degrees of freedom. */
  public static ClosedFormLaw paper(FactorModel model) {
    int d = model.d();
    int k = model.k();
    DMatrixRMaj a = model.loading();
    DMatrixRMaj m = new DMatrixRMaj(d, d);
    CommonOps_DDRM.multTransB(a, a, m);
    SymmetricEigen e = SymmetricEigen.of(m); // M⋆ = U⋆ diag(Σ⋆, 0) U⋆ᵀ
    DMatrixRMaj u1 = e.leading(k);
    DMatrixRMaj ab = new DMatrixRMaj(d, 1);
    CommonOps_DDRM.mult(a, model.theta(), ab);
    DMatrixRMaj v = new DMatrixRMaj(k, 1);
    CommonOps_DDRM.multTransA(u1, ab, v); // U1ᵀA⋆β⋆
    double c2 = 0;
    for (int i = 0; i < k; i++) {
      c2 += v.get(i) * v.get(i) / (1 + e.values()[i]);
    }
    return ClosedFormLaw.scaledChiSquare(
        PAPER, "||(I_k + Sigma*)^{-1/2} U1^T A* beta*||^2 chi^2_{d-k}", c2, d - k);
  }

  /** The corrected law: weight β⋆ᵀ(A⋆ᵀA⋆)⁻¹(I_k + A⋆ᵀA⋆)⁻¹β⋆, d − k degrees of freedom. */
  public static ClosedFormLaw corrected(FactorModel model) {
    int k = model.k();
    DMatrixRMaj a = model.loading();
    DMatrixRMaj ata = new DMatrixRMaj(k, k);
    CommonOps_DDRM.multTransA(a, a, ata);
    SymmetricEigen e = SymmetricEigen.of(ata); // A⋆ᵀA⋆ = R S² Rᵀ
    DMatrixRMaj gamma = new DMatrixRMaj(k, 1);
    CommonOps_DDRM.multTransA(e.vectors(), model.theta(), gamma);
    double c2 = 0;
    for (int i = 0; i < k; i++) {
      double s2 = e.values()[i];
      c2 += gamma.get(i) * gamma.get(i) / (s2 * (1 + s2)); // γ_i² / (s_i²(1 + s_i²))
    }
    return ClosedFormLaw.scaledChiSquare(
        CORRECTED,
        "beta*^T (A*^T A*)^{-1} (I_k + A*^T A*)^{-1} beta* chi^2_{d-k}"
            + " = ||(I_k + Sigma*)^{-1/2} Sigma*^{-1} U1^T A* beta*||^2 chi^2_{d-k}",
        c2, model.d() - k);
  }
}
