package twostage.models.spectral;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import twostage.theory.DownstreamMoments;
import twostage.theory.PretrainingMoments;

/**
 * Exact population quantities of the spectral loss (6.2) in representative coordinates w = vec(A)
 * (row-major, index a·d + b), for Gaussian (x, x⁺, x⁻):
 *
 * <ul>
 *   <li>L(A) = −2 tr(AΣ⁺Aᵀ) + tr(K²), K = AΣAᵀ (Lemma H.1, (H.2) written in A);
 *   <li>∇L(A) = −4AΣ⁺ + 4KAΣ;
 *   <li>∇²L(A)[(a,b),(c,e)] = −4δ_ac Σ⁺_be + 4K_ac Σ_be + 4δ_ac (ΣMΣ)_be + 4(AΣ)_cb (AΣ)_ae, derived by
 *       differentiating L twice (d²tr(K²) = 2‖dK‖² + 4tr(K EΣEᵀ), dK = EΣAᵀ + AΣEᵀ);
 *   <li>the score covariance S = E[∇ℓ∇ℓᵀ] at A⋆ by Isserlis' theorem ({@link #scoreCovariance});
 *   <li>downstream moments of ψ(x, A) = Ax and J(x) = ∇_A ⟨β⋆, Ax⟩ = vec(β⋆xᵀ) under x ~ N(0, Σdown).
 * </ul>
 * Here Σ = Σpre and Σ⁺ = Σ⁺pre.
 */
public final class SpectralPopulation {
  private SpectralPopulation() {}

  /** Population loss L(A) = E ℓ(A; z). */
  public static double loss(SpectralInstance inst, DMatrixRMaj a) {
    DMatrixRMaj k = gram(a, inst.sigmaPreMatrix());
    DMatrixRMaj plus = gram(a, inst.sigmaPlusMatrix());
    return -2 * CommonOps_DDRM.trace(plus) + CommonOps_DDRM.elementSum(elementSquare(k));
  }

  /** Population gradient ∇L(A) = −4AΣ⁺ + 4KAΣ (k×d). */
  public static DMatrixRMaj gradient(SpectralInstance inst, DMatrixRMaj a) {
    DMatrixRMaj sigma = inst.sigmaPreMatrix();
    DMatrixRMaj k = gram(a, sigma);
    DMatrixRMaj aSigma = mult(a, sigma);
    DMatrixRMaj out = mult(k, aSigma);
    CommonOps_DDRM.scale(4, out);
    DMatrixRMaj ap = mult(a, inst.sigmaPlusMatrix());
    CommonOps_DDRM.addEquals(out, -4, ap);
    return out;
  }

  /** Population Hessian ∇²L(A) (q×q, q = kd) in vec(A) coordinates. */
  public static DMatrixRMaj hessian(SpectralInstance inst, DMatrixRMaj a) {
    int k = a.numRows;
    int d = a.numCols;
    DMatrixRMaj sigma = inst.sigmaPreMatrix();
    DMatrixRMaj plus = inst.sigmaPlusMatrix();
    DMatrixRMaj kk = gram(a, sigma);
    DMatrixRMaj aSigma = mult(a, sigma);
    DMatrixRMaj sms = new DMatrixRMaj(d, d);
    CommonOps_DDRM.multTransA(aSigma, aSigma, sms);
    DMatrixRMaj h = new DMatrixRMaj(k * d, k * d);
    for (int ai = 0; ai < k; ai++) {
      for (int b = 0; b < d; b++) {
        for (int c = 0; c < k; c++) {
          for (int e = 0; e < d; e++) {
            double v = 4 * kk.get(ai, c) * sigma.get(b, e) + 4 * aSigma.get(c, b) * aSigma.get(ai, e);
            if (ai == c) {
              v += -4 * plus.get(b, e) + 4 * sms.get(b, e);
            }
            h.set(ai * d + b, c * d + e, v);
          }
        }
      }
    }
    return h;
  }

  /**
   * The exact score covariance S = Cov(∇ℓ(A⋆; z)) (q×q). A perturbation E of A moves M by
   * Ṁ = EᵀA⋆ + A⋆ᵀE and ⟨∇_Aℓ, E⟩ = S_Ṁ(z) = −2xᵀṀx⁺ + 2(xᵀM⋆x⁻)(xᵀṀx⁻); its covariance is the bilinear
   * form 4[C_aa − C_ab − C_abᵀ + C_bb] of Proposition H.11, which we re-derived from Isserlis' theorem
   * (our derivation agrees with (H.15)–(H.18)): with W = ΣM⋆Σ, Q = M⋆ΣM⋆ and P_i = M⋆ΣH_i,
   * C_aa = tr(H₁ΣH₂Σ) + tr(H₁Σ⁺H₂Σ⁺), C_ab(H₁,H₂) = tr(H₁ Σ⁺(P₂ + P₂ᵀ)Σ),
   * C_bb = ⟨H₁,W⟩⟨H₂,W⟩ + 2tr(H₁WH₂W) + tr(H₁ΣH₂Σ) tr(QΣ) + 4 tr(H₁ΣH₂ΣQΣ).
   */
  public static DMatrixRMaj scoreCovariance(SpectralGeometry g) {
    return SpectralExact.scoreCovariance(g);
  }

  /**
   * {@link #scoreCovariance} by its definition: q² trace products of d×d matrices (O(k²d⁴) time,
   * O(kd³) memory). The reference that the structured form is tested against.
   */
  static DMatrixRMaj scoreCovarianceByTraces(SpectralGeometry g) {
    int d = g.d();
    int q = g.k() * d;
    IsserlisTerms terms = IsserlisTerms.of(g);
    DMatrixRMaj sigma = terms.sigma();
    DMatrixRMaj plus = terms.plus();
    DMatrixRMaj w = terms.w();
    DMatrixRMaj qq = terms.q();
    double trQSigma = terms.trQSigma();
    DMatrixRMaj mSigma = mult(terms.m(), sigma);
    DMatrixRMaj[] mdot = new DMatrixRMaj[q];
    DMatrixRMaj[] t = new DMatrixRMaj[q];
    DMatrixRMaj[] cab = new DMatrixRMaj[q];
    double[] mw = new double[q];
    for (int i = 0; i < q; i++) {
      mdot[i] = mdot(g.aStar(), i / d, i % d);
      DMatrixRMaj h = mdot[i];
      DMatrixRMaj shs = mult(mult(sigma, h), sigma);
      DMatrixRMaj ti = shs.copy();
      CommonOps_DDRM.scale(1 + trQSigma, ti); // C_aa first term + C_bb third term
      CommonOps_DDRM.addEquals(ti, mult(mult(plus, h), plus)); // C_aa second term
      CommonOps_DDRM.addEquals(ti, 2, mult(mult(w, h), w)); // 2 tr(H₁WH₂W)
      CommonOps_DDRM.addEquals(ti, 4, mult(mult(shs, qq), sigma)); // 4 tr(H₁ ΣH₂ΣQΣ)
      t[i] = ti;
      DMatrixRMaj p = mult(mSigma, h);
      DMatrixRMaj pp = new DMatrixRMaj(d, d);
      CommonOps_DDRM.transpose(p, pp);
      CommonOps_DDRM.addEquals(pp, p);
      cab[i] = mult(mult(plus, pp), sigma);
      mw[i] = inner(h, w);
    }
    DMatrixRMaj s = new DMatrixRMaj(q, q);
    for (int i = 0; i < q; i++) {
      for (int j = 0; j < q; j++) {
        double v = traceProduct(mdot[i], t[j]) + mw[i] * mw[j]
            - traceProduct(mdot[i], cab[j]) - traceProduct(mdot[j], cab[i]);
        s.set(i, j, 4 * v);
      }
    }
    return symmetrize(s);
  }

  /** Exact pre-training moments (H, S) at A⋆. */
  public static PretrainingMoments pretraining(SpectralGeometry g) {
    return new PretrainingMoments(hessian(g.instance(), g.aStar()), scoreCovariance(g));
  }

  /**
   * Exact downstream moments at A⋆ under x ~ N(0, Σdown): Σψ = A⋆ΣdA⋆ᵀ,
   * C[i,(a,b)] = β_a (A⋆Σd)_ib, E[JJᵀ][(a,b),(c,e)] = β_aβ_c (Σd)_be.
   */
  public static DownstreamMoments downstream(SpectralGeometry g) {
    SpectralInstance inst = g.instance();
    int k = g.k();
    int d = g.d();
    DMatrixRMaj sd = inst.sigmaDownMatrix();
    DMatrixRMaj a = g.aStar();
    DMatrixRMaj asd = mult(a, sd);
    DMatrixRMaj psi = new DMatrixRMaj(k, k);
    CommonOps_DDRM.multTransB(asd, a, psi);
    DMatrixRMaj cross = new DMatrixRMaj(k, k * d);
    DMatrixRMaj jj = new DMatrixRMaj(k * d, k * d);
    for (int ai = 0; ai < k; ai++) {
      double ba = inst.betaAt(ai);
      for (int b = 0; b < d; b++) {
        for (int i = 0; i < k; i++) {
          cross.set(i, ai * d + b, ba * asd.get(i, b));
        }
        for (int c = 0; c < k; c++) {
          for (int e = 0; e < d; e++) {
            jj.set(ai * d + b, c * d + e, ba * inst.betaAt(c) * sd.get(b, e));
          }
        }
      }
    }
    return new DownstreamMoments(symmetrize(psi), cross, jj);
  }

  /** Ṁ = EᵀA + AᵀE for the unit perturbation E = e_a e_bᵀ (d×d, symmetric). */
  public static DMatrixRMaj mdot(DMatrixRMaj a, int row, int col) {
    int d = a.numCols;
    DMatrixRMaj out = new DMatrixRMaj(d, d);
    for (int j = 0; j < d; j++) {
      double v = a.get(row, j);
      out.set(col, j, out.get(col, j) + v);
      out.set(j, col, out.get(j, col) + v);
    }
    return out;
  }

  public static DMatrixRMaj mult(DMatrixRMaj x, DMatrixRMaj y) {
    DMatrixRMaj out = new DMatrixRMaj(x.numRows, y.numCols);
    CommonOps_DDRM.mult(x, y, out);
    return out;
  }

  /** A S Aᵀ. */
  static DMatrixRMaj gram(DMatrixRMaj a, DMatrixRMaj s) {
    DMatrixRMaj as = mult(a, s);
    DMatrixRMaj out = new DMatrixRMaj(a.numRows, a.numRows);
    CommonOps_DDRM.multTransB(as, a, out);
    return out;
  }

  /** tr(XY). */
  static double traceProduct(DMatrixRMaj x, DMatrixRMaj y) {
    int n = x.numRows;
    int m = x.numCols;
    double t = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        t += x.unsafe_get(i, j) * y.unsafe_get(j, i);
      }
    }
    return t;
  }

  /** Frobenius inner product ⟨X, Y⟩. */
  static double inner(DMatrixRMaj x, DMatrixRMaj y) {
    double t = 0;
    for (int i = 0; i < x.getNumElements(); i++) {
      t += x.data[i] * y.data[i];
    }
    return t;
  }

  public static DMatrixRMaj symmetrize(DMatrixRMaj s) {
    int n = s.numRows;
    DMatrixRMaj out = new DMatrixRMaj(n, n);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        out.set(i, j, 0.5 * (s.get(i, j) + s.get(j, i)));
      }
    }
    return out;
  }

  private static DMatrixRMaj elementSquare(DMatrixRMaj k) {
    DMatrixRMaj out = k.copy();
    CommonOps_DDRM.elementMult(out, k);
    return out;
  }
}
