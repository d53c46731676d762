package twostage.models.factor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import twostage.data.DataSet;
import twostage.data.DataTable;
import twostage.data.LeastSquares;
import twostage.linalg.GramSum;
import twostage.linalg.Rows;
import twostage.linalg.Sym;
import twostage.spi.DataModel;
import twostage.spi.ModelInstance;
import twostage.spi.Parameter;
import twostage.spi.PlugIn;
import twostage.spi.Settings;
import twostage.theory.DownstreamMoments;
import twostage.theory.LimitInputs;
import twostage.theory.PretrainingMoments;

/**
 * The factor model on data (docs/data.md): PPCA with unit noise on the unlabeled second moment S_m
 * (Lemma I.1, (I.4)) gives Â; Ŝ is the mean of the per-row score outer products at Â and Ĥ the mean of
 * the per-row Hessians of ℓ(A; x) = ½ log det(I + AAᵀ) + ½ xᵀ(I + AAᵀ)⁻¹x, which are quadratic in x,
 * so Ĥ is their formula ({@link FactorPretraining#mEstimatorSampler}) at the mean of ξξᵀ, ξ = B̂x.
 * The features ψ(x, Â) = Âᵀ(I + ÂÂᵀ)⁻¹x and J(x) = T̂B̂x are linear in x, so Σ̂ψ, Ĉ and Ê[JJᵀ] follow
 * from the labeled second moment S_n exactly as the population moments follow from Σx.
 */
public final class FactorData implements DataModel {
  /** Rows per block of the score accumulation. */
  private static final int BLOCK = 512;

  /** A column mean this many standard errors from 0 is reported (the model's x and y have mean 0). */
  static final double MEAN_T = 5;

  static final List<Parameter> PARAMETERS = List.of(
      Parameter.integer("--k", 2, "Number of factors k fitted to the data (PPCA with unit noise variance)."));

  @Override
  public List<Parameter> dataParameters() {
    return PARAMETERS;
  }

  private static int k(Settings s, int d) {
    int k = s.integer("--k");
    if (k < 1 || k >= d) {
      throw new IllegalArgumentException("--k must be between 1 and d - 1 = " + (d - 1)
          + " (d = " + d + " x columns), got " + k);
    }
    return k;
  }

  @Override
  public void checkSizes(DataSet data, Settings s) {
    int d = data.d();
    int k = k(s, d);
    long q = (long) d * k;
    if (data.m() < q) {
      throw new IllegalArgumentException(data.unlabeled().source() + ": " + data.m() + " rows, fewer than the "
          + q + " pre-training parameters d*k = " + d + "*" + k + " (the empirical score covariance would be "
          + "singular: m >= d*k is required)");
    }
    if (data.n() <= d + k) {
      throw new IllegalArgumentException(data.labeled().source() + ": " + data.n() + " rows; n > d + k = "
          + (d + k) + " is required (the downstream moments are d x d second moments of x and the "
          + "residual variance has n - k degrees of freedom)");
    }
  }

  @Override
  public PlugIn plugIn(DataSet data, Settings s, long seed) {
    int d = data.d();
    int k = k(s, d);
    DMatrixRMaj sm = secondMoment(data.unlabeled());
    PpcaFit fit = Ppca.fit(sm, k);
    double[] ev = fit.eigenvalues();
    if (fit.truncationBinds()) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "--k %d: eigenvalue number %d of the "
          + "unlabeled second moment is %.4g <= 1, the unit noise variance of the factor model, so PPCA keeps "
          + "only %d factors (Lemma I.1); use --k %d or scale the data so that the noise variance is 1",
          k, k, ev[k - 1], fit.retained(), Math.max(fit.retained(), 1)));
    }
    DMatrixRMaj a = fit.loading();
    DMatrixRMaj w = features(a); // ψ(x) = W x, W = Âᵀ B̂
    DataTable lab = data.labeled();
    int n = data.n();
    double[] psi = new double[n * k];
    CommonOps_DDRM.multTransB(DMatrixRMaj.wrap(n, d, lab.values()), w, DMatrixRMaj.wrap(n, k, psi));
    LeastSquares ls = LeastSquares.fit(psi, n, k, data.y());

    FactorModel model = FactorModel.of(FactorInstance.of(Rows.of(a), ls.theta(), 0.0));
    PretrainingMoments pre = new PretrainingMoments(hessian(model, sm), scoreCovariance(model, data.unlabeled()));
    DMatrixRMaj sn = secondMoment(lab);
    DownstreamMoments down = downstream(model, sn);
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("eigenvalues", ev);
    info.put("kthEigenvalue", ev[k - 1]);
    info.put("eigengap", ev[k - 1] - ev[k]);
    info.put("designRank", ls.rank());
    List<String> warnings = new ArrayList<>();
    meanWarnings(data.unlabeled().source(), data.unlabeled(), warnings);
    meanWarnings(data.labeled().source(), new DataTable(data.labeled().source(), List.of(DataSet.LABEL), data.y()),
        warnings);
    List<DownstreamMoments> noise = new ArrayList<>();
    for (double[] v : ls.noiseDirections()) {
      noise.add(downstream(FactorModel.of(FactorInstance.of(Rows.of(a), v, 0.0)), sn));
    }
    return new PlugIn(new LimitInputs(pre, down, FactorPretraining.orbitBasis(model)), ls.sigma2(), ls.theta(),
        true, info, warnings, noise);
  }

  @Override
  public double[] predict(DataSet train, DataTable test, Settings s, long seed) {
    int d = train.d();
    int k = k(s, d);
    DMatrixRMaj w = features(Ppca.fit(secondMoment(train.unlabeled()), k).loading());
    int n = train.n();
    double[] psi = new double[n * k];
    CommonOps_DDRM.multTransB(DMatrixRMaj.wrap(n, d, train.labeled().values()), w, DMatrixRMaj.wrap(n, k, psi));
    double[] theta = LeastSquares.fit(psi, n, k, train.y()).theta();
    DMatrixRMaj coef = new DMatrixRMaj(d, 1); // ⟨θ̂, W x⟩ = (Wᵀθ̂)ᵀx
    CommonOps_DDRM.multTransA(w, DMatrixRMaj.wrap(k, 1, theta), coef);
    double[] out = new double[test.rows()];
    CommonOps_DDRM.mult(DMatrixRMaj.wrap(test.rows(), d, test.values()), coef, DMatrixRMaj.wrap(test.rows(), 1, out));
    return out;
  }

  /** W = Aᵀ(I + AAᵀ)⁻¹ (k×d): ψ(x, A) = W x. */
  static DMatrixRMaj features(DMatrixRMaj a) {
    DMatrixRMaj b = CommonOps_DDRM.identity(a.numRows);
    CommonOps_DDRM.multAddTransB(a, a, b);
    DMatrixRMaj w = new DMatrixRMaj(a.numCols, a.numRows);
    CommonOps_DDRM.multTransA(a, Sym.pinv(b, 0.0), w);
    return w;
  }

  /** S = (1/rows) Σ x xᵀ. */
  static DMatrixRMaj secondMoment(DataTable t) {
    int d = t.cols();
    DMatrixRMaj x = DMatrixRMaj.wrap(t.rows(), d, t.values());
    DMatrixRMaj s = new DMatrixRMaj(d, d);
    CommonOps_DDRM.multTransA(1.0 / t.rows(), x, x, s);
    return Sym.symmetrized(s);
  }

  /**
   * Ĥ = (1/m) Σ ∇²ℓ(Â; x_r): the per-row Hessian of {@link FactorPretraining#mEstimatorSampler} is
   * −F + δ_jm B_il + B_li η_m η_j + G_lj η_m ξ_i + G_im ξ_l η_j + K_mj ξ_l ξ_i − δ_jm ξ_i ξ_l with
   * ξ = Bx, η = Aᵀξ, so its mean needs only Ξ = B S_m B.
   */
  static DMatrixRMaj hessian(FactorModel model, DMatrixRMaj sm) {
    int d = model.d();
    int k = model.k();
    DMatrixRMaj a = model.loading();
    DMatrixRMaj bb = model.precision();
    DMatrixRMaj g = model.precisionTimesLoading();
    DMatrixRMaj kk = new DMatrixRMaj(k, k);
    CommonOps_DDRM.multTransA(a, g, kk);
    DMatrixRMaj xi = Sym.congruence(bb, sm); // Ξ = B S_m B (B symmetric)
    DMatrixRMaj xa = new DMatrixRMaj(d, k); // E[ξ ηᵀ] = Ξ A
    CommonOps_DDRM.mult(xi, a, xa);
    DMatrixRMaj eta = Sym.congruence(a, xi); // E[η ηᵀ] = Aᵀ Ξ A
    DMatrixRMaj f = FactorPretraining.fisher(model);
    int q = d * k;
    DMatrixRMaj h = new DMatrixRMaj(q, q);
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < k; j++) {
        int r = i * k + j;
        for (int l = 0; l < d; l++) {
          for (int m = 0; m < k; m++) {
            double v = -f.get(r, l * k + m)
                + bb.get(l, i) * eta.get(m, j)
                + g.get(l, j) * xa.get(i, m)
                + g.get(i, m) * xa.get(l, j)
                + kk.get(m, j) * xi.get(l, i);
            if (j == m) {
              v += bb.get(i, l) - xi.get(i, l);
            }
            h.set(r, l * k + m, v);
          }
        }
      }
    }
    return Sym.symmetrized(h);
  }

  /** Ŝ = (1/m) Σ s(x_r) s(x_r)ᵀ with s_ij = (BA)_ij − ξ_i η_j (the per-row score at Â). */
  static DMatrixRMaj scoreCovariance(FactorModel model, DataTable x) {
    int d = model.d();
    int k = model.k();
    int q = d * k;
    double[] bMat = model.precision().data;
    double[] aMat = model.loading().data;
    double[] ba = model.precisionTimesLoading().data;
    double[] scores = new double[BLOCK * q];
    double[] row = new double[d];
    double[] xi = new double[d];
    double[] eta = new double[k];
    int m = x.rows();
    try (GramSum gram = GramSum.create(q, BLOCK)) {
      for (int start = 0; start < m; start += BLOCK) {
        int count = Math.min(BLOCK, m - start);
        for (int r = 0; r < count; r++) {
          System.arraycopy(x.values(), (start + r) * d, row, 0, d);
          FactorSampling.multiply(bMat, d, d, row, xi);
          FactorSampling.multiplyTransposed(aMat, d, k, xi, eta);
          int o = r * q;
          for (int i = 0; i < d; i++) {
            for (int j = 0; j < k; j++) {
              scores[o + i * k + j] = ba[i * k + j] - xi[i] * eta[j];
            }
          }
        }
        gram.add(scores, count);
      }
      DMatrixRMaj s = DMatrixRMaj.wrap(q, q, gram.toSymmetric());
      CommonOps_DDRM.scale(1.0 / m, s);
      return s;
    }
  }

  /** Σ̂ψ = W S_n Wᵀ, Ĉ = W S_n B Tᵀ, Ê[JJᵀ] = T B S_n B Tᵀ (ψ = W x, J = T B x; {@link FactorDownstream}). */
  static DownstreamMoments downstream(FactorModel model, DMatrixRMaj sn) {
    DMatrixRMaj bb = model.precision();
    DMatrixRMaj t = FactorDownstream.jacobianMap(model);
    DMatrixRMaj w = new DMatrixRMaj(model.k(), model.d());
    CommonOps_DDRM.transpose(model.precisionTimesLoading(), w);
    DMatrixRMaj tb = new DMatrixRMaj(t.numRows, model.d());
    CommonOps_DDRM.mult(t, bb, tb);
    DMatrixRMaj snTbT = new DMatrixRMaj(model.d(), t.numRows);
    CommonOps_DDRM.multTransB(sn, tb, snTbT);
    DMatrixRMaj cross = new DMatrixRMaj(model.k(), t.numRows);
    CommonOps_DDRM.mult(w, snTbT, cross);
    DMatrixRMaj jj = new DMatrixRMaj(t.numRows, t.numRows);
    CommonOps_DDRM.mult(tb, snTbT, jj);
    DMatrixRMaj sigmaPsi = Sym.congruence(transpose(w), sn);
    return new DownstreamMoments(sigmaPsi, cross, Sym.symmetrized(jj));
  }

  private static DMatrixRMaj transpose(DMatrixRMaj m) {
    DMatrixRMaj t = new DMatrixRMaj(m.numCols, m.numRows);
    CommonOps_DDRM.transpose(m, t);
    return t;
  }

  private static void meanWarnings(String source, DataTable t, List<String> warnings) {
    for (int j = 0; j < t.cols(); j++) {
      double mean = 0;
      for (int i = 0; i < t.rows(); i++) {
        mean += t.get(i, j);
      }
      mean /= t.rows();
      double var = 0;
      for (int i = 0; i < t.rows(); i++) {
        double e = t.get(i, j) - mean;
        var += e * e;
      }
      double se = Math.sqrt(var / (t.rows() - 1) / t.rows());
      if (Math.abs(mean) > MEAN_T * se) {
        warnings.add(String.format(Locale.ROOT, "%s, column '%s': mean %.4g is %.1f standard errors from 0; "
            + "the factor model's x and y have mean 0 (centre the data)", source, t.columns().get(j), mean,
            Math.abs(mean) / se));
      }
    }
  }

  @Override
  public DataSet simulate(ModelInstance instance, int m, int n, UniformRandomProvider rng) {
    if (!(instance instanceof FactorCaseStudy.Instance fi)) {
      throw new IllegalArgumentException("not a factor instance: " + instance.model());
    }
    FactorInstance inst = fi.instance();
    int d = inst.d();
    int k = inst.k();
    double[] a = inst.loading().data;
    double[] beta = inst.beta();
    ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
    double[] h = new double[k];
    double[] x = new double[d];
    double[] un = new double[m * d];
    for (int r = 0; r < m; r++) {
      FactorSampling.drawX(g, a, d, k, h, x);
      System.arraycopy(x, 0, un, r * d, d);
    }
    double[] lab = new double[n * d];
    double[] y = new double[n];
    for (int r = 0; r < n; r++) {
      FactorSampling.drawX(g, a, d, k, h, x);
      System.arraycopy(x, 0, lab, r * d, d);
      double v = inst.sigmaNu() * g.sample();
      for (int j = 0; j < k; j++) {
        v += beta[j] * h[j];
      }
      y[r] = v;
    }
    return DataSet.simulated(un, lab, d, y);
  }
}
