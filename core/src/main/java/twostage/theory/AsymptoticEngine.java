package twostage.theory;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import twostage.linalg.Sym;
import twostage.linalg.SymmetricEigen;

/**
 * The model-agnostic computation of Theorem 5.1's limit in representative coordinates (docs/math.md §3).
 *
 * <p>Orbit directions of the symmetry group are removed by restricting every matrix to a basis B of
 * their orthogonal complement (the horizontal space): V = H_B⁻¹ S_B H_B⁻¹ (eq. 4.2) and
 * G = E[JJᵀ] − Cᵀ Σψ⁺ C, the Gram of the residual of J regressed on ψ, so that
 * ‖L(v)‖² = vᵀ G v for L(v) = −(I − Π⋆) DT⋆[v] θ⋆ (eq. 6.1). Then E‖L(Z)‖² = tr(V G) and
 * ‖L(Z)‖² = Σ λ_j χ²₁ with λ = eig(V^{1/2} G V^{1/2}).
 *
 * <p>Every result carries its {@link EngineDiagnostics}.
 */
public final class AsymptoticEngine {
  /** Relative eigenvalue tolerance used for ranks and pseudo-inverses unless stated otherwise. */
  public static final double DEFAULT_RANK_TOLERANCE = 1e-9;

  private final double rankTolerance;

  /** An engine with {@link #DEFAULT_RANK_TOLERANCE}. */
  public AsymptoticEngine() {
    this(DEFAULT_RANK_TOLERANCE);
  }

  /** An engine that treats eigenvalues below {@code rankTolerance · max|λ|} as zero. */
  public AsymptoticEngine(double rankTolerance) {
    if (!(rankTolerance > 0 && rankTolerance < 1)) {
      throw new IllegalArgumentException("rankTolerance must be in (0, 1), got " + rankTolerance);
    }
    this.rankTolerance = rankTolerance;
  }

  /**
   * Refuses a Hessian restricted to the horizontal space that is singular (Theorem 5.1 needs it regular
   * off the orbit).
   *
   * @param hEig eigen-decomposition of BᵀHB, values in decreasing order
   * @param rankTolerance the smallest eigenvalue must exceed this times the largest
   * @throws RegularityException naming the two eigenvalues
   */
  public static void requireRegular(SymmetricEigen hEig, double rankTolerance) {
    double[] values = hEig.values();
    double hMax = values.length == 0 ? 0 : values[0];
    double hMin = values.length == 0 ? 0 : values[values.length - 1];
    if (!(hMin > rankTolerance * Math.abs(hMax))) {
      throw new RegularityException(
          "the pre-training Hessian is singular off the orbit directions (smallest eigenvalue "
              + hMin + ", largest " + hMax + "): the descriptor is not locally identifiable");
    }
  }

  /**
   * Computes the interaction at one instance.
   *
   * @param orbit q×o matrix whose columns span the orbit tangent at w⋆ (null or o = 0 when the group
   *     is discrete); when null the horizontal space is the range of H
   */
  public Interaction evaluate(PretrainingMoments pre, DownstreamMoments down, DMatrixRMaj orbit) {
    checkDimensions(pre, down);
    DMatrixRMaj basis = horizontalBasis(pre.hessian(), orbit);
    DMatrixRMaj g = residualGram(down);

    DMatrixRMaj hB = Sym.congruence(basis, pre.hessian());
    SymmetricEigen hEig = SymmetricEigen.of(hB);
    requireRegular(hEig, rankTolerance);
    double hMax = hEig.values().length == 0 ? 0 : hEig.values()[0];
    double hMin = hEig.values().length == 0 ? 0 : hEig.values()[hEig.values().length - 1];
    double orbitResidual = Double.NaN;
    double orbitInteraction = Double.NaN;
    if (orbit != null && orbit.numCols > 0) {
      DMatrixRMaj ho = new DMatrixRMaj(orbit.numRows, orbit.numCols);
      CommonOps_DDRM.mult(pre.hessian(), orthonormalColumns(orbit), ho);
      orbitResidual = Sym.maxAbs(ho) / Math.max(Math.abs(hMax), Double.MIN_NORMAL);
      DMatrixRMaj go = Sym.congruence(orthonormalColumns(orbit), g);
      double gScale = Math.max(SymmetricEigen.of(g).values()[0], Double.MIN_NORMAL);
      orbitInteraction = SymmetricEigen.of(go).values()[0] / gScale;
    }

    DMatrixRMaj v = variance(hEig, Sym.congruence(basis, pre.scoreCovariance()));
    DMatrixRMaj gB = Sym.congruence(basis, g);
    DMatrixRMaj vHalf = Sym.sqrtPsd(v);
    SymmetricEigen w = SymmetricEigen.of(Sym.congruence(vHalf, gB));
    double[] weights = w.values().clone();
    double top = weights.length == 0 ? 0 : Math.max(weights[0], 0);
    double clipped = 0;
    for (int i = 0; i < weights.length; i++) {
      if (weights[i] < 0) {
        clipped = Math.min(clipped, weights[i] / Math.max(top, Double.MIN_NORMAL));
        weights[i] = 0;
      }
    }
    SymmetricEigen fEig = SymmetricEigen.of(down.featureGram());
    int dEff = fEig.rank(rankTolerance);
    EngineDiagnostics diag = new EngineDiagnostics(hMax, hMin, orbitResidual, orbitInteraction, clipped,
        dEff == 0 ? 0 : fEig.values()[dEff - 1]);
    return new Interaction(Sym.traceOfProduct(v, gB), weights, dEff, basis.numCols, diag);
  }

  /**
   * E‖L(Z)‖² = tr(V G) alone: the quantity that Monte Carlo replicates (jackknife) recompute.
   *
   * @param orbit as in {@link #evaluate}
   */
  public double interactionMean(PretrainingMoments pre, DownstreamMoments down, DMatrixRMaj orbit) {
    checkDimensions(pre, down);
    DMatrixRMaj basis = horizontalBasis(pre.hessian(), orbit);
    SymmetricEigen hEig = SymmetricEigen.of(Sym.congruence(basis, pre.hessian()));
    DMatrixRMaj v = variance(hEig, Sym.congruence(basis, pre.scoreCovariance()));
    return Sym.traceOfProduct(v, Sym.congruence(basis, residualGram(down)));
  }

  /**
   * Margin of {@link #shortcuts}: an inverse is taken by Cholesky factorisation only when the full
   * evaluation's smallest eigenvalue exceeds this fraction of the largest (Σψ: of its trace), so that a
   * leave-one-group-out matrix, which differs by one group's share, keeps the same (full) rank.
   */
  public static final double SHORTCUT_MARGIN = 1e-6;

  /**
   * Which inverses a leave-one-group-out evaluation may take by Cholesky factorisation instead of
   * eigendecompositions (the same value up to rounding when the matrix has full rank).
   *
   * @param hessianDefinite H is inverted on the whole space (no orbit, horizontal space of dimension q)
   * @param featureGramDefinite Σψ has full rank, so Σψ⁺ = Σψ⁻¹
   */
  public record Shortcuts(boolean hessianDefinite, boolean featureGramDefinite) {}

  /**
   * The shortcuts allowed near a full evaluation {@code full} of the moments whose downstream part is
   * {@code fullDown}: the full H had rank q with λ_min &gt; {@link #SHORTCUT_MARGIN}·λ_max and no orbit;
   * Σψ had rank p with λ_min &gt; {@link #SHORTCUT_MARGIN}·tr Σψ.
   */
  public Shortcuts shortcuts(Interaction full, DownstreamMoments fullDown, DMatrixRMaj orbit) {
    int q = fullDown.parameterDimension();
    EngineDiagnostics d = full.diagnostics();
    boolean h = (orbit == null || orbit.numCols == 0) && full.horizontalDimension() == q
        && d.hessianMinEigenvalue() > SHORTCUT_MARGIN * d.hessianMaxEigenvalue();
    DMatrixRMaj f = fullDown.featureGram();
    boolean psi = full.dEff() == f.numRows
        && d.featureGramMinEigenvalue() > SHORTCUT_MARGIN * CommonOps_DDRM.trace(f);
    return new Shortcuts(h, psi);
  }

  /**
   * E‖L(Z)‖² = tr(V G) with the inverses that {@code shortcuts} allows taken by Cholesky
   * factorisation: V = H⁻¹SH⁻¹ from the solves H⁻¹S and H⁻¹G, and Cᵀ Σψ⁻¹ C from the solve Σψ⁻¹C.
   * A factorisation that fails (the matrix is not positive definite after all) falls back to the
   * eigendecompositions of {@link #interactionMean}. Used for the jackknife, where it replaces q×q
   * eigenproblems per group by factorisations.
   */
  public double interactionMean(
      PretrainingMoments pre, DownstreamMoments down, DMatrixRMaj orbit, Shortcuts shortcuts) {
    checkDimensions(pre, down);
    if (!shortcuts.hessianDefinite()) {
      return interactionMean(pre, down, orbit);
    }
    DMatrixRMaj g = shortcuts.featureGramDefinite() ? residualGramDefinite(down) : null;
    if (g == null) {
      g = residualGram(down);
    }
    int q = pre.dimension();
    LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.symmPosDef(q);
    if (!chol.setA(chol.modifiesA() ? pre.hessian().copy() : pre.hessian())) {
      return interactionMean(pre, down, orbit);
    }
    DMatrixRMaj hInvG = new DMatrixRMaj(q, q);
    chol.solve(g.copy(), hInvG);
    if (pre.scoreCovariance() == pre.hessian()) {
      return CommonOps_DDRM.trace(hInvG); // V = H⁻¹ when S = H (Fisher information)
    }
    DMatrixRMaj hInvS = new DMatrixRMaj(q, q);
    chol.solve(pre.scoreCovariance().copy(), hInvS);
    return Sym.traceOfProduct(hInvS, hInvG);
  }

  /** G = E[JJᵀ] − Cᵀ Σψ⁻¹ C by Cholesky factorisation of Σψ; null when Σψ is not positive definite. */
  private static DMatrixRMaj residualGramDefinite(DownstreamMoments down) {
    DMatrixRMaj f = down.featureGram();
    LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.symmPosDef(f.numRows);
    if (!chol.setA(chol.modifiesA() ? f.copy() : f)) {
      return null;
    }
    DMatrixRMaj c = down.cross();
    DMatrixRMaj solved = new DMatrixRMaj(c.numRows, c.numCols);
    chol.solve(c.copy(), solved);
    DMatrixRMaj ctz = new DMatrixRMaj(c.numCols, c.numCols);
    CommonOps_DDRM.multTransA(c, solved, ctz);
    DMatrixRMaj out = new DMatrixRMaj(ctz.numRows, ctz.numCols);
    CommonOps_DDRM.subtract(down.jacobianGram(), ctz, out);
    return Sym.symmetrized(out);
  }

  /** G = E[JJᵀ] − Cᵀ Σψ⁺ C (q×q). */
  public DMatrixRMaj residualGram(DownstreamMoments down) {
    DMatrixRMaj sigmaPinv = Sym.pinv(down.featureGram(), rankTolerance);
    DMatrixRMaj g = Sym.congruence(down.cross(), sigmaPinv);
    DMatrixRMaj out = new DMatrixRMaj(g.numRows, g.numCols);
    CommonOps_DDRM.subtract(down.jacobianGram(), g, out);
    return Sym.symmetrized(out);
  }

  /** An orthonormal basis (q×h) of the horizontal space. */
  public DMatrixRMaj horizontalBasis(DMatrixRMaj hessian, DMatrixRMaj orbit) {
    int q = hessian.numRows;
    if (orbit == null || orbit.numCols == 0) {
      if (orbit == null) {
        SymmetricEigen e = SymmetricEigen.of(hessian);
        return e.leading(e.rank(rankTolerance));
      }
      return CommonOps_DDRM.identity(q);
    }
    if (orbit.numRows != q) {
      throw new IllegalArgumentException("orbit basis must have q=" + q + " rows, got " + orbit.numRows);
    }
    DMatrixRMaj o = orthonormalColumns(orbit);
    DMatrixRMaj proj = new DMatrixRMaj(q, q);
    CommonOps_DDRM.multTransB(o, o, proj);
    return SymmetricEigen.of(proj).trailing(o.numCols);
  }

  private DMatrixRMaj orthonormalColumns(DMatrixRMaj a) {
    DMatrixRMaj aat = new DMatrixRMaj(a.numRows, a.numRows);
    CommonOps_DDRM.multTransB(a, a, aat);
    SymmetricEigen e = SymmetricEigen.of(aat);
    int r = e.rank(rankTolerance);
    if (r < a.numCols) {
      throw new IllegalArgumentException(
          "orbit basis has dependent columns (rank " + r + " < " + a.numCols + ")");
    }
    return e.leading(r);
  }

  private static DMatrixRMaj variance(SymmetricEigen hEig, DMatrixRMaj sB) {
    DMatrixRMaj hInv = Sym.function(hEig, -1.0, x -> 1.0 / x);
    DMatrixRMaj tmp = new DMatrixRMaj(sB.numRows, sB.numCols);
    CommonOps_DDRM.mult(hInv, sB, tmp);
    DMatrixRMaj v = new DMatrixRMaj(sB.numRows, sB.numCols);
    CommonOps_DDRM.mult(tmp, hInv, v);
    return Sym.symmetrized(v);
  }

  private static void checkDimensions(PretrainingMoments pre, DownstreamMoments down) {
    if (pre.dimension() != down.parameterDimension()) {
      throw new IllegalArgumentException(
          "pre-training moments have q=" + pre.dimension()
              + " but downstream Jacobians have q=" + down.parameterDimension());
    }
  }
}
