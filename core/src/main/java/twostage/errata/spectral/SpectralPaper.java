package twostage.errata.spectral;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import twostage.linalg.Sym;
import twostage.linalg.SymmetricEigen;
import twostage.models.spectral.SpectralGeometry;
import twostage.errata.ClosedFormLaw;
import twostage.models.spectral.SpectralInstance;
import twostage.models.spectral.SpectralPopulation;

/**
 * The paper's closed forms for the linear spectral model, implemented <em>as printed</em> (labelled
 * "paper"), so that they can be compared with the engine. Notation of Appendix H: Σ = Σpre,
 * Σ⁺ = Σ⁺pre, M⋆ the population minimiser, λ_i = c_i/a_i the top-k whitened eigenvalues,
 * τ = Σ_{i≤k} λ_i².
 */
public final class SpectralPaper {
  private SpectralPaper() {}

  /** (H.15)–(H.18): Cov(S_{H₁}, S_{H₂}) = 4[C_aa − C_ab(H₁,H₂) − C_ab(H₂,H₁) + C_bb] for symmetric H. */
  public static double scoreCovariance(SpectralGeometry g, DMatrixRMaj h1, DMatrixRMaj h2) {
    return 4 * bracket(g, h1, h2);
  }

  /** (H.27): ⟨H₁, V⋆H₂⟩ = C_aa(H₁′,H₂′) − C_ab(H₁′,H₂′) − C_ab(H₂′,H₁′) + C_bb(H₁′,H₂′), H′ = Σ⁻¹HΣ⁻¹. */
  public static double vStar(SpectralGeometry g, DMatrixRMaj h1, DMatrixRMaj h2) {
    DMatrixRMaj inv = g.instance().sigmaPreMatrix();
    CommonOps_DDRM.invert(inv);
    return bracket(g, sandwich(inv, h1), sandwich(inv, h2));
  }

  /**
   * (H.33), Lemma H.15: DΠ(B⋆)[Ḃ] = U₂(G ⊘ Δ)U₁ᵀ + U₁(Gᵀ ⊘ Δᵀ)U₂ᵀ, G = U₂ᵀḂU₁, Δ_ai = λ_i − λ_{k+a},
   * for the projector onto the top-k eigenspace of the symmetric B⋆.
   */
  public static DMatrixRMaj projectorDerivative(DMatrixRMaj bStar, DMatrixRMaj bDot, int k) {
    SymmetricEigen e = SymmetricEigen.of(bStar);
    int d = bStar.numRows;
    DMatrixRMaj u = e.vectors();
    DMatrixRMaj rot = Sym.congruence(u, bDot); // Uᵀ Ḃ U
    DMatrixRMaj inner = new DMatrixRMaj(d, d);
    for (int a = k; a < d; a++) {
      for (int i = 0; i < k; i++) {
        double v = rot.get(a, i) / (e.values()[i] - e.values()[a]);
        inner.set(a, i, v);
        inner.set(i, a, v);
      }
    }
    DMatrixRMaj tmp = new DMatrixRMaj(d, d);
    CommonOps_DDRM.mult(u, inner, tmp);
    DMatrixRMaj out = new DMatrixRMaj(d, d);
    CommonOps_DDRM.multTransB(tmp, u, out);
    return out;
  }

  /**
   * (H.32): DP(M⋆)[Z] = Σd^{-1/2} DΠ(B⋆)[Σd^{1/2} Z Σd^{1/2}] Σd^{-1/2}, B⋆ = Σd^{1/2}M⋆Σd^{1/2}.
   */
  public static DMatrixRMaj pDerivative(SpectralGeometry g, DMatrixRMaj z) {
    DMatrixRMaj sd = g.instance().sigmaDownMatrix();
    DMatrixRMaj root = Sym.sqrtPsd(sd);
    DMatrixRMaj invRoot = SpectralGeometry.inverseSqrt(sd);
    DMatrixRMaj dPi =
        projectorDerivative(sandwich(root, g.mStar()), sandwich(root, z), g.k());
    return sandwich(invRoot, dPi);
  }

  /** (H.37) as printed: β⋆ᵀA⋆Σd DP(M⋆)[Z]ᵀ DP(M⋆)[Z] ΣdA⋆ᵀβ⋆ (bilinear in Z₁, Z₂ by polarisation). */
  public static double interaction(SpectralGeometry g, DMatrixRMaj z1, DMatrixRMaj z2) {
    double[] m = new double[g.d()];
    DMatrixRMaj sd = g.instance().sigmaDownMatrix();
    for (int i = 0; i < g.d(); i++) {
      for (int j = 0; j < g.d(); j++) {
        m[i] += sd.get(i, j) * g.aTarget()[j];
      }
    }
    double[] v1 = apply(pDerivative(g, z1), m);
    double[] v2 = apply(pDerivative(g, z2), m);
    double t = 0;
    for (int i = 0; i < v1.length; i++) {
      t += v1[i] * v2[i];
    }
    return t;
  }

  /**
   * The paper's general pipeline for any instance: Z ~ N(0, V⋆) on T_{M⋆}M_{d,k} with V⋆ from (H.27)
   * (Euclidean Hessian 2Σ·Σ, Corollary H.14) and ‖L(Z)‖² from (H.37); weights are the eigenvalues of
   * V⋆^{1/2} 𝓛 V⋆^{1/2} in a Frobenius-orthonormal basis of the tangent space.
   */
  public static ClosedFormLaw pipeline(SpectralGeometry g) {
    DMatrixRMaj basis = tangentBasis(g);
    int n = basis.numCols;
    DMatrixRMaj[] t = tangentMatrices(g, basis);
    DMatrixRMaj v = new DMatrixRMaj(n, n);
    DMatrixRMaj l = new DMatrixRMaj(n, n);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double vij = vStar(g, t[i], t[j]);
        double lij = interaction(g, t[i], t[j]);
        v.set(i, j, vij);
        v.set(j, i, vij);
        l.set(i, j, lij);
        l.set(j, i, lij);
      }
    }
    DMatrixRMaj root = Sym.sqrtPsd(v);
    double[] w = SymmetricEigen.of(Sym.congruence(root, l)).clippedValues();
    return ClosedFormLaw.of("paper", "(H.27)+(H.32)+(H.33)+(H.37)", w);
  }

  /**
   * (H.39) as printed, for the family of Appendix H.7 (Σpre, Σ⁺pre diagonal, Σdown = I, top-k whitened
   * eigenvalues in the first k coordinates): w_j = (2/b_j) Σ_i β_i²(1 + τ + λ_i²)/λ_i, j ≤ d − k.
   */
  public static ClosedFormLaw weights(SpectralInstance inst) {
    DiagonalFamily f = DiagonalFamily.of(inst, true);
    int k = inst.k();
    double[] w = new double[f.rest().length];
    for (int j = 0; j < w.length; j++) {
      double s = 0;
      for (int i = 0; i < k; i++) {
        double l = f.lambda()[i];
        s += inst.betaAt(i) * inst.betaAt(i) * (1 + f.tau() + l * l) / l;
      }
      w[j] = 2 / f.pre()[f.rest()[j]] * s;
    }
    return ClosedFormLaw.of("paper", "(H.39)", w);
  }

  /** Corollary 6.3 as printed: 2 Σ_{i≤k} i(1 + i⁻² + τ) χ²_{d−k}, τ = Σ_{j≤k} j⁻². */
  public static ClosedFormLaw corollary63(int k, int d) {
    double tau = 0;
    for (int j = 1; j <= k; j++) {
      tau += 1.0 / ((double) j * j);
    }
    double s = 0;
    for (int i = 1; i <= k; i++) {
      s += i * (1 + 1.0 / ((double) i * i) + tau);
    }
    double[] w = new double[d - k];
    java.util.Arrays.fill(w, 2 * s);
    return ClosedFormLaw.of("paper", "Corollary 6.3", w);
  }

  /** (H.41) as printed: E[Q] = k(4d − 2k − 1)(1 + τ) + 2(2d − 1)τ + 2(Σ_i λ_i)². */
  public static double excessLossMean(SpectralInstance inst) {
    DiagonalFamily f = DiagonalFamily.of(inst, false);
    int k = inst.k();
    int d = inst.dimension();
    double sum = 0;
    for (double l : f.lambda()) {
      sum += l;
    }
    return k * (4.0 * d - 2 * k - 1) * (1 + f.tau()) + 2 * (2.0 * d - 1) * f.tau() + 2 * sum * sum;
  }

  /** Appendix H.7: the conditioning factor ‖R^{-1/2}β⋆‖² = Σ_i β_i²/r_i with r_i = c_i/a_i². */
  public static double conditioningFactor(SpectralInstance inst) {
    DiagonalFamily f = DiagonalFamily.of(inst, false);
    double s = 0;
    for (int i = 0; i < inst.k(); i++) {
      int idx = f.top()[i];
      double r = f.lambda()[i] / f.pre()[idx];
      s += inst.betaAt(i) * inst.betaAt(i) / r;
    }
    return s;
  }

  /** C_aa − C_ab(H₁,H₂) − C_ab(H₂,H₁) + C_bb of (H.16)–(H.18), transcribed term by term. */
  private static double bracket(SpectralGeometry g, DMatrixRMaj h1, DMatrixRMaj h2) {
    DMatrixRMaj s = g.instance().sigmaPreMatrix();
    DMatrixRMaj sp = g.instance().sigmaPlusMatrix();
    DMatrixRMaj m = g.mStar();
    DMatrixRMaj p1 = mult(m, s, h1);
    DMatrixRMaj p2 = mult(m, s, h2);
    DMatrixRMaj q = mult(m, s, m);
    double caa = tr(mult(h1, s, h2, s)) + tr(mult(h1, sp, h2, sp)); // (H.16)
    double cab12 = tr(mult(p2, s, h1, sp)) + tr(mult(p2, sp, h1, s)); // (H.17)
    double cab21 = tr(mult(p1, s, h2, sp)) + tr(mult(p1, sp, h2, s));
    double cbb = tr(mult(p1, s)) * tr(mult(p2, s)) + 2 * tr(mult(p1, s, p2, s))
        + tr(mult(h1, s, h2, s)) * tr(mult(q, s)) + 4 * tr(mult(h1, s, h2, s, q, s)); // (H.18)
    return caa - cab12 - cab21 + cbb;
  }

  /** Orthonormal basis (columns, in vec(Ṁ) coordinates) of {EᵀA⋆ + A⋆ᵀE}: the tangent space. */
  private static DMatrixRMaj tangentBasis(SpectralGeometry g) {
    int d = g.d();
    int q = g.k() * d;
    DMatrixRMaj images = new DMatrixRMaj(d * d, q);
    for (int i = 0; i < q; i++) {
      DMatrixRMaj md = SpectralPopulation.mdot(g.aStar(), i / d, i % d);
      for (int e = 0; e < d * d; e++) {
        images.set(e, i, md.data[e]);
      }
    }
    DMatrixRMaj gram = new DMatrixRMaj(d * d, d * d);
    CommonOps_DDRM.multTransB(images, images, gram);
    SymmetricEigen e = SymmetricEigen.of(gram);
    return e.leading(e.rank(1e-10));
  }

  private static DMatrixRMaj[] tangentMatrices(SpectralGeometry g, DMatrixRMaj basis) {
    int d = g.d();
    DMatrixRMaj[] out = new DMatrixRMaj[basis.numCols];
    for (int c = 0; c < basis.numCols; c++) {
      DMatrixRMaj t = new DMatrixRMaj(d, d);
      for (int e = 0; e < d * d; e++) {
        t.data[e] = basis.get(e, c);
      }
      out[c] = SpectralPopulation.symmetrize(t);
    }
    return out;
  }

  private static DMatrixRMaj sandwich(DMatrixRMaj s, DMatrixRMaj h) {
    return mult(s, h, s);
  }

  private static double[] apply(DMatrixRMaj a, double[] v) {
    double[] out = new double[a.numRows];
    for (int i = 0; i < a.numRows; i++) {
      for (int j = 0; j < a.numCols; j++) {
        out[i] += a.get(i, j) * v[j];
      }
    }
    return out;
  }

  private static double tr(DMatrixRMaj a) {
    return CommonOps_DDRM.trace(a);
  }

  private static DMatrixRMaj mult(DMatrixRMaj... factors) {
    DMatrixRMaj out = factors[0];
    for (int i = 1; i < factors.length; i++) {
      out = SpectralPopulation.mult(out, factors[i]);
    }
    return out;
  }
}
