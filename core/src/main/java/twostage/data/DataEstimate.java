package twostage.data;

import org.ejml.data.DMatrixRMaj;
import twostage.linalg.Sym;
import twostage.linalg.SymmetricEigen;
import twostage.spi.PlugIn;
import twostage.theory.AsymptoticEngine;
import twostage.theory.Crossover;
import twostage.theory.Interaction;
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

  /** The engine's estimate from plug-in inputs. */
  public static DataEstimate of(PlugIn plugIn, AsymptoticEngine engine, double rankTolerance) {
    LimitInputs in = plugIn.inputs();
    Interaction interaction = corrected(plugIn).evaluate(engine);
    TangentRank base = TangentRank.baseline(in.downstream(), rankTolerance);
    DMatrixRMaj basis = engine.horizontalBasis(in.pretraining().hessian(), in.orbit());
    DMatrixRMaj hInv = Sym.function(SymmetricEigen.of(Sym.congruence(basis, in.pretraining().hessian())), -1.0,
        x -> 1.0 / x);
    DMatrixRMaj hInvS = new DMatrixRMaj(basis.numCols, basis.numCols);
    org.ejml.dense.row.CommonOps_DDRM.mult(hInv, Sym.congruence(basis, in.pretraining().scoreCovariance()), hInvS);
    DMatrixRMaj v = new DMatrixRMaj(basis.numCols, basis.numCols);
    org.ejml.dense.row.CommonOps_DDRM.mult(hInvS, hInv, v);
    double plain = trace(v, Sym.congruence(basis, engine.residualGram(in.downstream())));
    double ratio = plugIn.maximumLikelihood() ? org.ejml.dense.row.CommonOps_DDRM.trace(hInvS) / basis.numCols
        : Double.NaN;
    return new DataEstimate(interaction.mean(), plain, interaction.weights(), plugIn.sigma2(), interaction.dEff(),
        base.rank(), interaction.horizontalDimension(), ratio, "");
  }

  private static double trace(DMatrixRMaj a, DMatrixRMaj b) {
    double t = 0;
    for (int i = 0; i < a.numRows; i++) {
      for (int j = 0; j < a.numCols; j++) {
        t += a.get(i, j) * b.get(j, i);
      }
    }
    return t;
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
    for (twostage.theory.DownstreamMoments noise : plugIn.readoutNoise()) {
      org.ejml.dense.row.CommonOps_DDRM.subtractEquals(jj, engine.residualGram(noise));
    }
    return new LimitInputs(in.pretraining(), new twostage.theory.DownstreamMoments(
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
