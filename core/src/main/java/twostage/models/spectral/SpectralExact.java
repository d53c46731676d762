package twostage.models.spectral;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import twostage.linalg.Sym;
import twostage.linalg.SymmetricEigen;
import twostage.theory.AsymptoticEngine;
import twostage.theory.EngineDiagnostics;
import twostage.theory.Interaction;
import twostage.theory.RegularityException;

/**
 * The exact limit of the linear spectral model by structured algebra (docs/spectral-structured.md):
 * the same numbers as the generic engine on the exact moments, without any q×q eigendecomposition and
 * without q² trace products, so that q = kd in the thousands takes seconds.
 *
 * <ul>
 *   <li>S comes entry by entry from Kronecker-type formulas ({@link #scoreCovariance});
 *   <li>G = (ββᵀ) ⊗ R with R = Σd − ΣdA⋆ᵀ(A⋆ΣdA⋆ᵀ)⁻¹A⋆Σd, so tr(VG) = tr(R N) with the d×d matrix
 *       N = Bβᵀ H⁺ S H⁺ Bβ, Bβ = β ⊗ I_d;
 *   <li>H⁺ on the horizontal space is the inverse of H + τOOᵀ (O the orbit tangent, H O = 0), one
 *       Cholesky factorisation;
 *   <li>the weights are the eigenvalues of R^{1/2} N R^{1/2} (d×d), the other ones are zero.
 * </ul>
 */
public final class SpectralExact {
  private SpectralExact() {}

  /**
   * The exact score covariance S (q×q) at A⋆. With Ṁ(E) = EᵀA⋆ + A⋆ᵀE, every term of the Isserlis
   * form of {@link SpectralPopulation#scoreCovariance} is tr(Ṁ(E₁) L Ṁ(E₂) R) for fixed d×d matrices
   * L, R, whose entry at E₁ = e_ae_bᵀ, E₂ = e_ce_eᵀ is
   * (AL)_ae(AR)_cb + (ALAᵀ)_ac R_eb + L_be(ARAᵀ)_ca + (LAᵀ)_bc(RAᵀ)_ea, or the rank-one
   * ⟨Ṁ(E₁), W⟩⟨Ṁ(E₂), W⟩ = 4(AW)_ab(AW)_ce.
   */
  public static DMatrixRMaj scoreCovariance(SpectralGeometry g) {
    int q = g.k() * g.d();
    DMatrixRMaj a = g.aStar();
    IsserlisTerms terms = IsserlisTerms.of(g);
    DMatrixRMaj sigma = terms.sigma();
    DMatrixRMaj plus = terms.plus();
    DMatrixRMaj w = terms.w();
    DMatrixRMaj sqs = mult(mult(sigma, terms.q()), sigma);
    DMatrixRMaj pms = mult(mult(plus, terms.m()), sigma);
    double[] out = new double[q * q];
    // C_aa + C_bb: (1+tr(QΣ)) tr(H₁ΣH₂Σ) + tr(H₁Σ⁺H₂Σ⁺) + 2tr(H₁WH₂W) + 4tr(H₁ΣH₂ΣQΣ)
    addPair(out, a, sigma, sigma, 1 + terms.trQSigma());
    addPair(out, a, plus, plus, 1);
    addPair(out, a, w, w, 2);
    addPair(out, a, sigma, sqs, 4);
    // −C_ab(H₁,H₂) − C_ab(H₂,H₁), C_ab(H₁,H₂) = tr(H₁Σ⁺(MΣH₂ + H₂ΣM)Σ)
    addPair(out, a, pms, sigma, -1);
    addPair(out, a, plus, w, -1);
    addPair(out, a, sigma, pms, -1);
    addPair(out, a, w, plus, -1);
    DMatrixRMaj aw = mult(a, w);
    for (int i = 0; i < q; i++) {
      double wi = 4 * aw.data[i];
      int row = i * q;
      for (int j = 0; j < q; j++) {
        out[row + j] += wi * aw.data[j];
      }
    }
    // S = 4(...), symmetrised as the trace form is
    for (int i = 0; i < q; i++) {
      out[i * q + i] *= 4;
      for (int j = 0; j < i; j++) {
        double v = 2 * (out[i * q + j] + out[j * q + i]);
        out[i * q + j] = v;
        out[j * q + i] = v;
      }
    }
    return DMatrixRMaj.wrap(q, q, out);
  }

  /** out += c · [tr(Ṁ(E_ab) L Ṁ(E_ce) R)] over (a,b), (c,e). */
  private static void addPair(double[] out, DMatrixRMaj a, DMatrixRMaj l, DMatrixRMaj r, double c) {
    int k = a.numRows;
    int d = a.numCols;
    int q = k * d;
    DMatrixRMaj al = mult(a, l);
    DMatrixRMaj ar = mult(a, r);
    DMatrixRMaj ala = multTransB(al, a);
    DMatrixRMaj ara = multTransB(ar, a);
    DMatrixRMaj la = multTransB(l, a); // d×k
    DMatrixRMaj ra = multTransB(r, a); // d×k
    double[] alD = al.data;
    double[] arD = ar.data;
    double[] rD = r.data;
    double[] lD = l.data;
    for (int ai = 0; ai < k; ai++) {
      for (int b = 0; b < d; b++) {
        int row = (ai * d + b) * q;
        for (int ci = 0; ci < k; ci++) {
          double alac = ala.data[ai * k + ci];
          double araca = ara.data[ci * k + ai];
          double arcb = arD[ci * d + b];
          double labc = la.data[b * k + ci];
          int col = row + ci * d;
          int alRow = ai * d;
          int rRow = 0;
          for (int e = 0; e < d; e++) {
            rRow = e * d;
            out[col + e] += c * (alD[alRow + e] * arcb + alac * rD[rRow + b] + lD[b * d + e] * araca
                + labc * ra.data[e * k + ai]);
          }
        }
      }
    }
  }

  /** The exact interaction (mean, weights, d_eff = k, diagnostics as the engine names them). */
  public static Interaction interaction(SpectralGeometry g) {
    return solve(g, false).interaction;
  }

  /** E[Q] = ½ tr(H⁺S) on the horizontal space (the quantity (H.41) is about); costs O(q³). */
  public static double excessLossMean(SpectralGeometry g) {
    return solve(g, true).excessLossMean;
  }

  private record Solved(Interaction interaction, double excessLossMean) {}

  private static Solved solve(SpectralGeometry g, boolean withExcessLoss) {
    SpectralInstance inst = g.instance();
    int k = g.k();
    int d = g.d();
    int q = k * d;
    double tol = AsymptoticEngine.DEFAULT_RANK_TOLERANCE;
    DMatrixRMaj a = g.aStar();
    DMatrixRMaj h = SpectralPopulation.hessian(inst, a);
    DMatrixRMaj orbit = g.orbitBasis();
    int o = orbit.numCols;

    double hScale = Sym.maxAbs(h);
    double orbitResidual = o == 0 ? 0.0 : Sym.maxAbs(mult(h, orthonormal(orbit))) / hScale;

    // H + τ OOᵀ, OOᵀ(X) = (XA⋆ᵀ − A⋆Xᵀ)A⋆: entries δ_ac M_eb − A_ae A_cb
    double trH = CommonOps_DDRM.trace(h);
    DMatrixRMaj m = g.mStar();
    double trOrbit = 0;
    if (o > 0) {
      trOrbit = (k - 1) * CommonOps_DDRM.trace(m);
      double tau = (trH / (q - o)) / (trOrbit / o);
      for (int ai = 0; ai < k; ai++) {
        for (int b = 0; b < d; b++) {
          int row = (ai * d + b) * q;
          for (int ci = 0; ci < k; ci++) {
            for (int e = 0; e < d; e++) {
              double v = -a.data[ai * d + e] * a.data[ci * d + b];
              if (ai == ci) {
                v += m.data[e * d + b];
              }
              h.data[row + ci * d + e] += tau * v;
            }
          }
        }
      }
    }
    CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(q, true);
    DMatrixRMaj hReg = h.copy();
    if (!chol.decompose(hReg)) {
      throw new RegularityException(
          "the pre-training Hessian is singular off the orbit directions (Cholesky of H + τOOᵀ failed):"
              + " the descriptor is not locally identifiable");
    }
    DMatrixRMaj factor = chol.getT(null);

    // horizontal right-hand sides P_h Bβ, Bβ[(a,b), e] = β_a δ_be
    DMatrixRMaj rhs = new DMatrixRMaj(q, d);
    for (int ai = 0; ai < k; ai++) {
      for (int b = 0; b < d; b++) {
        rhs.set(ai * d + b, b, inst.betaAt(ai));
      }
    }
    DMatrixRMaj oBasis = o == 0 ? null : orthonormal(orbit);
    if (o > 0) {
      project(rhs, oBasis);
    }
    DMatrixRMaj y = cholSolve(factor, rhs);
    DMatrixRMaj s = scoreCovariance(g);
    DMatrixRMaj sy = mult(s, y);
    DMatrixRMaj n = new DMatrixRMaj(d, d);
    CommonOps_DDRM.multTransA(y, sy, n);
    n = Sym.symmetrized(n);

    // R = Σd − ΣdAᵀ(AΣdAᵀ)⁻¹AΣd
    DMatrixRMaj sd = inst.sigmaDownMatrix();
    DMatrixRMaj asd = mult(a, sd);
    DMatrixRMaj psiGram = Sym.symmetrized(multTransB(asd, a));
    SymmetricEigen fEig = SymmetricEigen.of(psiGram);
    int dEff = fEig.rank(tol);
    DMatrixRMaj r = sd.copy();
    DMatrixRMaj proj = Sym.congruence(asd, Sym.pinv(psiGram, tol));
    CommonOps_DDRM.subtractEquals(r, proj);
    r = Sym.symmetrized(r);

    double mean = traceProduct(r, n);
    DMatrixRMaj rHalf = Sym.sqrtPsd(r);
    double[] top = SymmetricEigen.of(Sym.congruence(rHalf, n)).values();
    int horizontal = q - o;
    double[] weights = new double[horizontal];
    double largest = top.length == 0 ? 0 : Math.max(top[0], 0);
    double clipped = 0;
    for (int i = 0; i < Math.min(top.length, horizontal); i++) {
      if (top[i] < 0) {
        clipped = Math.min(clipped, top[i] / Math.max(largest, Double.MIN_NORMAL));
      } else {
        weights[i] = top[i];
      }
    }

    double[] extremes = hessianExtremes(h, trH, factor, oBasis);
    if (!(extremes[1] > tol * Math.abs(extremes[0]))) {
      throw new RegularityException(
          "the pre-training Hessian is singular off the orbit directions (smallest eigenvalue "
              + extremes[1] + ", largest " + extremes[0] + "): the descriptor is not locally identifiable");
    }
    double orbitInteraction = Double.NaN;
    if (o > 0) {
      // orbitInteraction: largest vᵀGv/‖G‖ over unit orbit directions, G = Bβ R Bβᵀ
      DMatrixRMaj ob = new DMatrixRMaj(o, d);
      for (int col = 0; col < o; col++) {
        for (int ai = 0; ai < k; ai++) {
          double beta = inst.betaAt(ai);
          for (int b = 0; b < d; b++) {
            ob.add(col, b, oBasis.get(ai * d + b, col) * beta);
          }
        }
      }
      double betaNorm2 = 0;
      for (int ai = 0; ai < k; ai++) {
        betaNorm2 += inst.betaAt(ai) * inst.betaAt(ai);
      }
      double gScale = Math.max(betaNorm2 * SymmetricEigen.of(r).values()[0], Double.MIN_NORMAL);
      DMatrixRMaj go = Sym.congruence(transpose(ob), r);
      orbitInteraction = SymmetricEigen.of(go).values()[0] / gScale;
    }
    EngineDiagnostics engine = new EngineDiagnostics(extremes[0], extremes[1], orbitResidual, orbitInteraction,
        clipped, dEff == 0 ? 0 : fEig.values()[dEff - 1]);
    Interaction interaction = new Interaction(mean, weights, dEff, horizontal, engine);

    double excess = Double.NaN;
    if (withExcessLoss) {
      // ½ tr(H⁺ S) = ½ tr(H_reg⁻¹ P_h S P_h), H_reg⁻¹ maps the horizontal space to itself
      DMatrixRMaj ps = s.copy();
      if (o > 0) {
        project(ps, oBasis);
        DMatrixRMaj t = transpose(ps);
        project(t, oBasis);
        ps = t;
      }
      DMatrixRMaj z = cholSolve(factor, ps);
      excess = 0.5 * CommonOps_DDRM.trace(z);
    }
    return new Solved(interaction, excess);
  }

  /**
   * Largest and smallest eigenvalue of H on the horizontal space: power iteration on H and on
   * (H + τOOᵀ)⁻¹, with the orbit directions projected out of every iterate.
   */
  private static double[] hessianExtremes(
      DMatrixRMaj hReg, double trH, DMatrixRMaj factor, DMatrixRMaj oBasis) {
    int q = hReg.numRows;
    DMatrixRMaj v = new DMatrixRMaj(q, 1);
    for (int i = 0; i < q; i++) {
      v.data[i] = 1.0 + 0.1 * ((i * 7919) % 13);
    }
    double max = powerIteration(v.copy(), oBasis, x -> mult(hReg, x));
    double minInv = powerIteration(v.copy(), oBasis, x -> cholSolve(factor, x));
    return new double[] {max, 1.0 / minInv};
  }

  private static double powerIteration(
      DMatrixRMaj v, DMatrixRMaj oBasis, java.util.function.UnaryOperator<DMatrixRMaj> op) {
    double lambda = 0;
    for (int it = 0; it < 500; it++) {
      if (oBasis != null) {
        project(v, oBasis);
      }
      double norm = Math.sqrt(CommonOps_DDRM.dot(v, v));
      CommonOps_DDRM.scale(1.0 / norm, v);
      DMatrixRMaj w = op.apply(v);
      double next = CommonOps_DDRM.dot(v, w);
      v = w;
      if (it > 5 && Math.abs(next - lambda) <= 1e-12 * Math.abs(next)) {
        return next;
      }
      lambda = next;
    }
    return lambda;
  }

  /** X ← (I − OOᵀ)X for orthonormal O. */
  private static void project(DMatrixRMaj x, DMatrixRMaj o) {
    DMatrixRMaj ox = new DMatrixRMaj(o.numCols, x.numCols);
    CommonOps_DDRM.multTransA(o, x, ox);
    CommonOps_DDRM.multAdd(-1, o, ox, x);
  }

  /** (LLᵀ)⁻¹B for the lower Cholesky factor L. */
  private static DMatrixRMaj cholSolve(DMatrixRMaj lower, DMatrixRMaj b) {
    DMatrixRMaj x = b.copy();
    int n = lower.numRows;
    int m = x.numCols;
    double[] l = lower.data;
    double[] xd = x.data;
    double[] col = new double[n];
    for (int c = 0; c < m; c++) {
      for (int i = 0; i < n; i++) {
        col[i] = xd[i * m + c];
      }
      for (int i = 0; i < n; i++) {
        double s = col[i];
        int row = i * n;
        for (int j = 0; j < i; j++) {
          s -= l[row + j] * col[j];
        }
        col[i] = s / l[row + i];
      }
      for (int i = n - 1; i >= 0; i--) {
        col[i] /= l[i * n + i];
        double ci = col[i];
        int row = i * n;
        for (int j = 0; j < i; j++) {
          col[j] -= l[row + j] * ci;
        }
      }
      for (int i = 0; i < n; i++) {
        xd[i * m + c] = col[i];
      }
    }
    return x;
  }

  private static DMatrixRMaj orthonormal(DMatrixRMaj a) {
    DMatrixRMaj q = a.copy();
    int n = q.numRows;
    int m = q.numCols;
    for (int c = 0; c < m; c++) {
      for (int pass = 0; pass < 2; pass++) {
        for (int p = 0; p < c; p++) {
          double dot = 0;
          for (int i = 0; i < n; i++) {
            dot += q.data[i * m + p] * q.data[i * m + c];
          }
          for (int i = 0; i < n; i++) {
            q.data[i * m + c] -= dot * q.data[i * m + p];
          }
        }
      }
      double norm = 0;
      for (int i = 0; i < n; i++) {
        norm += q.data[i * m + c] * q.data[i * m + c];
      }
      norm = Math.sqrt(norm);
      if (!(norm > 0)) {
        throw new IllegalArgumentException("orbit basis has dependent columns");
      }
      for (int i = 0; i < n; i++) {
        q.data[i * m + c] /= norm;
      }
    }
    return q;
  }

  private static double traceProduct(DMatrixRMaj x, DMatrixRMaj y) {
    double t = 0;
    int n = x.numRows;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        t += x.data[i * n + j] * y.data[j * n + i];
      }
    }
    return t;
  }

  private static DMatrixRMaj transpose(DMatrixRMaj a) {
    DMatrixRMaj t = new DMatrixRMaj(a.numCols, a.numRows);
    CommonOps_DDRM.transpose(a, t);
    return t;
  }

  private static DMatrixRMaj mult(DMatrixRMaj x, DMatrixRMaj y) {
    DMatrixRMaj out = new DMatrixRMaj(x.numRows, y.numCols);
    CommonOps_DDRM.mult(x, y, out);
    return out;
  }

  private static DMatrixRMaj multTransB(DMatrixRMaj x, DMatrixRMaj y) {
    DMatrixRMaj out = new DMatrixRMaj(x.numRows, y.numRows);
    CommonOps_DDRM.multTransB(x, y, out);
    return out;
  }
}
