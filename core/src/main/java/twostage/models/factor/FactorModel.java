package twostage.models.factor;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import twostage.linalg.Sym;
import twostage.linalg.SymmetricEigen;

/**
 * The population quantities of one {@link FactorInstance}, obtained by Gaussian conditioning
 * (Section 6.2). With Σx = I_d + A⋆A⋆ᵀ (I.2) and B = Σx⁻¹:
 *
 * <ul>
 *   <li>E[h | x] = A⋆ᵀBx and Var(h | x) = I_k − A⋆ᵀBA⋆ = (I_k + A⋆ᵀA⋆)⁻¹ (Woodbury);
 *   <li>f⋆(x) = E[y | x] = β⋆ᵀA⋆ᵀBx = w⋆ᵀx with w⋆ = BA⋆β⋆;
 *   <li>σ² = Var(y | x) = σν² + β⋆ᵀ(I_k + A⋆ᵀA⋆)⁻¹β⋆ (derived; the paper prints (I_d + A⋆A⋆ᵀ)⁻¹,
 *       which is not defined for d ≠ k, see {@link #paperSigmaSquared()});
 *   <li>features ψ(x, A⋆) = W x, W = A⋆ᵀB (k×d), and θ⋆ = β⋆ since ⟨β⋆, ψ(x, A⋆)⟩ = f⋆(x);
 *   <li>b = (I_k + A⋆ᵀA⋆)⁻¹β⋆ = β⋆ − A⋆ᵀw⋆, which enters the Jacobian J.
 * </ul>
 */
public final class FactorModel {
  private final FactorInstance instance;
  private final DMatrixRMaj a;
  private final DMatrixRMaj beta;
  private final DMatrixRMaj covariance;
  private final DMatrixRMaj precision;
  private final DMatrixRMaj precisionTimesA;
  private final DMatrixRMaj w;
  private final DMatrixRMaj b;

  private FactorModel(FactorInstance instance) {
    this.instance = instance;
    int d = instance.d();
    int k = instance.k();
    a = instance.loading();
    beta = instance.betaVector();
    covariance = CommonOps_DDRM.identity(d);
    CommonOps_DDRM.multAddTransB(a, a, covariance); // Σx = I + A⋆A⋆ᵀ (I.2)
    precision = Sym.pinv(covariance, 0.0);
    precisionTimesA = new DMatrixRMaj(d, k);
    CommonOps_DDRM.mult(precision, a, precisionTimesA);
    w = new DMatrixRMaj(d, 1);
    CommonOps_DDRM.mult(precisionTimesA, beta, w); // w⋆ = Σx⁻¹A⋆β⋆
    b = beta.copy();
    CommonOps_DDRM.multAddTransA(-1.0, a, w, b); // b = β⋆ − A⋆ᵀw⋆ = (I + A⋆ᵀA⋆)⁻¹β⋆
  }

  /** The population quantities of {@code instance}. */
  public static FactorModel of(FactorInstance instance) {
    return new FactorModel(instance);
  }

  /** The instance. */
  public FactorInstance instance() {
    return instance;
  }

  /** d. */
  public int d() {
    return instance.d();
  }

  /** k. */
  public int k() {
    return instance.k();
  }

  /** A⋆ (copy). */
  public DMatrixRMaj loading() {
    return a.copy();
  }

  /** θ⋆ = β⋆ (copy, k×1). */
  public DMatrixRMaj theta() {
    return beta.copy();
  }

  /** Σx = I_d + A⋆A⋆ᵀ (copy), eq. (I.2). */
  public DMatrixRMaj covariance() {
    return covariance.copy();
  }

  /** B = Σx⁻¹ (copy). */
  public DMatrixRMaj precision() {
    return precision.copy();
  }

  /** BA⋆ = Σx⁻¹A⋆ (copy, d×k); its transpose is the feature matrix W(A⋆). */
  public DMatrixRMaj precisionTimesLoading() {
    return precisionTimesA.copy();
  }

  /** w⋆ = Σx⁻¹A⋆β⋆ (copy, d×1): f⋆(x) = w⋆ᵀx. */
  public DMatrixRMaj regressionCoefficients() {
    return w.copy();
  }

  /** b = (I_k + A⋆ᵀA⋆)⁻¹β⋆ (copy, k×1). */
  public DMatrixRMaj residualFactorWeights() {
    return b.copy();
  }

  /** σν². */
  public double sigmaNuSquared() {
    return instance.sigmaNu() * instance.sigmaNu();
  }

  /** σ² = Var(y | x) = σν² + β⋆ᵀ(I_k + A⋆ᵀA⋆)⁻¹β⋆, derived by Gaussian conditioning. */
  public double sigmaSquared() {
    double q = 0;
    for (int j = 0; j < k(); j++) {
      q += beta.get(j) * b.get(j);
    }
    return sigmaNuSquared() + q;
  }

  /**
   * σ² as printed in Section 6.2, σν² + β⋆ᵀ(I_d + A⋆A⋆ᵀ)⁻¹β⋆. The product is only defined when
   * d = k (β⋆ ∈ R^k, the matrix is d×d); {@code NaN} otherwise. For d = k it differs from the derived
   * value unless A⋆ is normal (A⋆A⋆ᵀ = A⋆ᵀA⋆).
   */
  public double paperSigmaSquared() {
    if (d() != k()) {
      return Double.NaN;
    }
    double q = 0;
    for (int i = 0; i < d(); i++) {
      for (int j = 0; j < d(); j++) {
        q += beta.get(i) * precision.get(i, j) * beta.get(j);
      }
    }
    return sigmaNuSquared() + q;
  }

  /** Var(f⋆(x)) = w⋆ᵀΣx w⋆ = β⋆ᵀA⋆ᵀΣx⁻¹A⋆β⋆. */
  public double signalVariance() {
    double q = 0;
    for (int j = 0; j < k(); j++) {
      q += beta.get(j) * (beta.get(j) - b.get(j));
    }
    return q;
  }

  /** Eigenvalues σ_1 ≥ … ≥ σ_k of M⋆ = A⋆A⋆ᵀ (the paper's Σ⋆). */
  public double[] descriptorEigenvalues() {
    DMatrixRMaj ata = new DMatrixRMaj(k(), k());
    CommonOps_DDRM.multTransA(a, a, ata);
    return SymmetricEigen.of(ata).values();
  }
}
