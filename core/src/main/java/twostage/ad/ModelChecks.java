package twostage.ad;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.hipparchus.distribution.continuous.ChiSquaredDistribution;
import twostage.linalg.Sym;
import twostage.linalg.SymmetricEigen;
import twostage.theory.AsymptoticEngine;

/** Computes {@link ModelDiagnostics} from the pilot moments, the orbit and θ⋆. */
public final class ModelChecks {
  private ModelChecks() {}

  /**
   * Evaluates every check.
   *
   * @param theta θ⋆ (length p)
   * @param tolerance tolerance of the quantities that vanish exactly
   */
  public static ModelDiagnostics evaluate(
      String name, PilotMoments pilot, Orbit orbit, double[] theta, double tolerance) {
    DMatrixRMaj s = pilot.scoreCovariance();
    DMatrixRMaj h = pilot.hessian();
    int q = h.numRows;
    int p = pilot.featureGram().numRows;
    DMatrixRMaj o = orbit.basis();
    double rankTol = AsymptoticEngine.DEFAULT_RANK_TOLERANCE;

    double gNorm = norm(pilot.meanScore());
    double gStat;
    double gThreshold;
    if (pilot.hessianExact()) {
      gStat = gNorm / Math.sqrt(Math.max(CommonOps_DDRM.trace(s), Double.MIN_NORMAL));
      gThreshold = tolerance;
    } else {
      DMatrixRMaj sPinv = Sym.pinv(s, 1e-10);
      double quad = 0;
      double[] g = pilot.meanScore();
      for (int i = 0; i < q; i++) {
        for (int j = 0; j < q; j++) {
          quad += g[i] * sPinv.get(i, j) * g[j];
        }
      }
      gStat = pilot.pretrainingSamples() * quad;
      int r = Math.max(1, SymmetricEigen.of(s).rank(1e-10));
      gThreshold = new ChiSquaredDistribution(r).inverseCumulativeProbability(1 - ModelDiagnostics.LEVEL);
    }

    double hMax = Math.max(Sym.maxAbs(h), Double.MIN_NORMAL);
    double hOrbit = o.numCols == 0 ? 0 : Sym.maxAbs(times(h, o)) / hMax;
    DMatrixRMaj basis = new AsymptoticEngine().horizontalBasis(h, o);
    SymmetricEigen hbEig = SymmetricEigen.of(Sym.congruence(basis, h));
    double[] hb = hbEig.values();
    double hTop = Math.max(SymmetricEigen.of(h).values()[0], Double.MIN_NORMAL);
    double hOff = hb.length == 0 ? Double.POSITIVE_INFINITY : hb[hb.length - 1] / hTop;
    double hThreshold = tolerance;
    if (hb.length > 0 && !pilot.hessianGroups().isEmpty()) {
      DMatrixRMaj weakest = times(basis, hbEig.trailing(hb.length - 1));
      hThreshold = Math.max(tolerance,
          OrbitFinder.STANDARD_ERRORS * pilot.hessianStdError(OrbitFinder.column(weakest, 0)) / hTop);
    }
    double sOrbit = o.numCols == 0 ? 0
        : Sym.maxAbs(times(s, o)) / Math.max(Sym.maxAbs(s), Double.MIN_NORMAL);

    // Residual Gram of vec(K) regressed on ψ: R_K = E[kkᵀ] − E[kψᵀ] Σψ⁺ E[ψkᵀ]
    DMatrixRMaj sigmaPinv = Sym.pinv(pilot.featureGram(), rankTol);
    DMatrixRMaj cross = pilot.featureJacobianCross();
    DMatrixRMaj kGram = pilot.featureJacobianGram();
    DMatrixRMaj rk = kGram.copy();
    CommonOps_DDRM.subtractEquals(rk, Sym.congruence(cross, sigmaPinv));
    rk = Sym.symmetrized(rk);
    double kScale = Math.max(CommonOps_DDRM.trace(kGram) / q, Double.MIN_NORMAL);

    double eqResidual = 0;
    double eqTotal = 0;
    double skew = 0;
    for (int i = 0; i < o.numCols; i++) {
      DMatrixRMaj pi = new DMatrixRMaj(p * q, p); // (Ko)_a = Σ_b K_ab o_b
      for (int a = 0; a < p; a++) {
        for (int b = 0; b < q; b++) {
          pi.set(a * q + b, a, o.get(b, i));
        }
      }
      eqResidual += Math.max(CommonOps_DDRM.trace(Sym.congruence(pi, rk)), 0);
      double along = CommonOps_DDRM.trace(Sym.congruence(pi, kGram)); // E‖Ko‖²
      eqTotal += along;
      if (along > tolerance * tolerance * kScale) { // else ψ is invariant along o: R = 0 up to round-off
        DMatrixRMaj psiU = times(cross, pi); // E[ψ (Ko)ᵀ]
        DMatrixRMaj uPsi = CommonOps_DDRM.transpose(psiU, null);
        skew = Math.max(skew, skewness(uPsi, sigmaPinv));
      }
    }
    double equivariance = o.numCols == 0 ? 0 : eqResidual / Math.max(eqTotal, o.numCols * kScale);

    DMatrixRMaj th = new DMatrixRMaj(p * q, q); // J = Kᵀθ: J_b = Σ_a θ_a K_ab
    for (int a = 0; a < p; a++) {
      for (int b = 0; b < q; b++) {
        th.set(a * q + b, b, theta[a]);
      }
    }
    DMatrixRMaj g = Sym.congruence(th, rk);
    double gTop = Math.max(SymmetricEigen.of(g).values()[0], Double.MIN_NORMAL);
    double orbitL = o.numCols == 0 ? 0 : Math.max(SymmetricEigen.of(Sym.congruence(o, g)).values()[0], 0) / gTop;

    SymmetricEigen fEig = SymmetricEigen.of(pilot.featureGram());
    int dEff = fEig.rank(rankTol);
    double activation = 0;
    for (int j = dEff; j < p; j++) {
      DMatrixRMaj nq = new DMatrixRMaj(p * q, q);
      for (int a = 0; a < p; a++) {
        for (int b = 0; b < q; b++) {
          nq.set(a * q + b, b, fEig.vectors().get(a, j));
        }
      }
      DMatrixRMaj nb = Sym.congruence(basis, Sym.congruence(nq, rk));
      double top = nb.numRows == 0 ? 0 : SymmetricEigen.of(nb).values()[0];
      activation = Math.max(activation, Math.max(top, 0) / kScale);
    }
    return new ModelDiagnostics(name, orbit, gNorm, pilot.hessianExact(), gStat, gThreshold, hOff, hThreshold,
        hOrbit, sOrbit, equivariance, skew, orbitL, dEff, p, activation, tolerance);
  }

  /** ‖R + Rᵀ‖_F / ‖R‖_F for R = U E[uψᵀ] Σψ⁺ Uᵀ restricted to the range U of Σψ (0 when R = 0). */
  private static double skewness(DMatrixRMaj uPsi, DMatrixRMaj sigmaPinv) {
    DMatrixRMaj r = new DMatrixRMaj(uPsi.numRows, uPsi.numCols);
    CommonOps_DDRM.mult(uPsi, sigmaPinv, r);
    DMatrixRMaj sym = new DMatrixRMaj(r.numRows, r.numCols);
    CommonOps_DDRM.add(r, CommonOps_DDRM.transpose(r, null), sym);
    double rn = org.ejml.dense.row.NormOps_DDRM.normF(r);
    return rn <= 1e-300 ? 0 : org.ejml.dense.row.NormOps_DDRM.normF(sym) / (2 * rn);
  }

  private static DMatrixRMaj times(DMatrixRMaj a, DMatrixRMaj b) {
    DMatrixRMaj out = new DMatrixRMaj(a.numRows, b.numCols);
    CommonOps_DDRM.mult(a, b, out);
    return out;
  }

  private static double norm(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x * x;
    }
    return Math.sqrt(s);
  }
}
