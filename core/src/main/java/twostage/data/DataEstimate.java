package twostage.data;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import twostage.linalg.Sym;
import twostage.linalg.SymmetricEigen;
import twostage.spi.PlugIn;
import twostage.theory.AsymptoticEngine;
import twostage.theory.Crossover;
import twostage.theory.DownstreamMoments;
import twostage.theory.LimitInputs;
import twostage.theory.TangentRank;

/**
 * The plug-in limit of one data set (or one bootstrap resample of it): what the engine makes of the
 * {@link PlugIn} inputs (docs/data.md). Every derived number of {@code plan} and {@code limit} on data
 * (the law at α, α₀, the m needed) is a function of these fields.
 *
 * @param interactionMean Ê‖L(Z)‖² = tr(V̂ Ĝ) with Ĝ corrected for the noise of θ̂ ({@link PlugIn#readoutNoise})
 * @param uncorrectedMean tr(V̂ Ĝ(θ̂)), the plain plug-in value
 * @param weights λ̂, the weights of ‖L(Z)‖² = Σλ_j χ²₁
 * @param sigma2 σ̂²
 * @param dEff rank of Σ̂ψ
 * @param dBase rank of the joint Gram of [ψ; J] over the labeled rows
 * @param horizontalDimension pre-training parameters modulo the orbit
 * @param informationRatio tr(Ĥ_B⁻¹Ŝ_B)/h on the horizontal space: 1 for a well-specified likelihood
 *     (H = S, the information-matrix equality), NaN when the loss is not declared a likelihood
 * @param failure why the estimate could not be made (empty when it was)
 */
public record DataEstimate(
    double interactionMean, double uncorrectedMean, double[] weights, double sigma2, int dEff, int dBase, int horizontalDimension,
    double informationRatio, String failure) {

  /** A resample on which the estimate failed (recorded, counted and reported; never dropped unseen). */
  public static DataEstimate failed(String why) {
    return new DataEstimate(Double.NaN, Double.NaN, new double[0], Double.NaN, 0, 0, 0, Double.NaN, why);
  }

  /**
   * The engine's estimate from plug-in inputs, computed lean (a bootstrap recomputes it B times): one QR
   * of the orbit basis for the horizontal space, one eigen-decomposition of Ĥ_B, a Cholesky factor of V̂
   * for the weights eig(LᵀĜL) (similar to V^{1/2}ĜV^{1/2}), and the rank of the joint Gram; the same
   * numbers as {@link AsymptoticEngine#evaluate} (tested), without its diagnostics.
   */
  public static DataEstimate of(PlugIn plugIn, AsymptoticEngine engine, double rankTolerance) {
    LimitInputs in = plugIn.inputs();
    DMatrixRMaj basis = horizontalBasis(in.pretraining().hessian(), in.orbit(), engine);
    SymmetricEigen hEig = SymmetricEigen.of(Sym.congruence(basis, in.pretraining().hessian()));
    int h = basis.numCols;
    AsymptoticEngine.requireRegular(hEig, rankTolerance);
    DMatrixRMaj hInv = Sym.function(hEig, -1.0, x -> 1.0 / x);
    DMatrixRMaj hInvS = new DMatrixRMaj(h, h);
    CommonOps_DDRM.mult(hInv, Sym.congruence(basis, in.pretraining().scoreCovariance()), hInvS);
    DMatrixRMaj v = new DMatrixRMaj(h, h);
    CommonOps_DDRM.mult(hInvS, hInv, v);
    v = Sym.symmetrized(v);
    DMatrixRMaj gPlain = engine.residualGram(in.downstream());
    DMatrixRMaj g = gPlain.copy();
    for (DownstreamMoments noise : plugIn.readoutNoise()) {
      CommonOps_DDRM.subtractEquals(g, engine.residualGram(noise));
    }
    DMatrixRMaj gB = Sym.congruence(basis, g);
    double mean = Sym.traceOfProduct(v, gB);
    double plain = Sym.traceOfProduct(v, Sym.congruence(basis, gPlain));
    double[] weights = weights(v, gB);
    int dEff = SymmetricEigen.of(in.downstream().featureGram()).rank(rankTolerance);
    TangentRank base = TangentRank.baseline(in.downstream(), rankTolerance);
    double ratio = plugIn.maximumLikelihood() ? CommonOps_DDRM.trace(hInvS) / h : Double.NaN;
    return new DataEstimate(mean, plain, weights, plugIn.sigma2(), dEff, base.rank(), h, ratio, "");
  }

  /** An orthonormal basis of the complement of the orbit: the last q − o columns of a full QR of the orbit basis. */
  private static DMatrixRMaj horizontalBasis(DMatrixRMaj hessian, DMatrixRMaj orbit, AsymptoticEngine engine) {
    int q = hessian.numRows;
    if (orbit == null) {
      return engine.horizontalBasis(hessian, null);
    }
    if (orbit.numCols == 0) {
      return CommonOps_DDRM.identity(q);
    }
    var qr = DecompositionFactory_DDRM.qr(q, orbit.numCols);
    if (!qr.decompose(orbit.copy())) {
      throw new IllegalArgumentException("the orbit basis cannot be factorised");
    }
    DMatrixRMaj full = qr.getQ(null, false);
    DMatrixRMaj out = new DMatrixRMaj(q, q - orbit.numCols);
    CommonOps_DDRM.extract(full, 0, q, orbit.numCols, q, out, 0, 0);
    return out;
  }

  /** eig(LᵀGL) with V = LLᵀ (the weights of ‖L(Z)‖²), largest first, negative round-off clipped to 0. */
  private static double[] weights(DMatrixRMaj v, DMatrixRMaj g) {
    var chol = DecompositionFactory_DDRM.chol(v.numRows, true);
    DMatrixRMaj m;
    if (chol.decompose(v.copy())) {
      DMatrixRMaj l = chol.getT(null);
      m = Sym.congruence(l, g);
    } else {
      DMatrixRMaj half = Sym.sqrtPsd(v);
      m = Sym.congruence(half, g);
    }
    return SymmetricEigen.of(Sym.symmetrized(m)).clippedValues();
  }

  /**
   * The inputs with the residual Gram G = E[JJᵀ] − CᵀΣψ⁺C corrected for the noise of θ̂: E[JJᵀ] is
   * replaced by E[JJᵀ] − Σ_c G(v_c), so that the engine's G is Ĝ(θ̂) − Σ_c G(v_c).
   */
  public static LimitInputs corrected(PlugIn plugIn) {
    LimitInputs in = plugIn.inputs();
    if (plugIn.readoutNoise().isEmpty()) {
      return in;
    }
    AsymptoticEngine engine = new AsymptoticEngine();
    DMatrixRMaj jj = in.downstream().jacobianGram().copy();
    for (DownstreamMoments noise : plugIn.readoutNoise()) {
      CommonOps_DDRM.subtractEquals(jj, engine.residualGram(noise));
    }
    return new LimitInputs(in.pretraining(), new DownstreamMoments(
        in.downstream().featureGram(), in.downstream().cross(), jj), in.orbit());
  }

  /** True when the estimate was made. */
  public boolean ok() {
    return failure.isEmpty();
  }

  /** The crossover quantities (σ̂², d_eff, d_base, Ê‖L‖²). */
  public Crossover crossover() {
    return new Crossover(sigma2, dEff, dBase, Math.max(interactionMean, 0));
  }
}
