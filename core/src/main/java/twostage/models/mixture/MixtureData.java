package twostage.models.mixture;

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
import twostage.random.Streams;
import twostage.spi.DataModel;
import twostage.spi.ModelInstance;
import twostage.spi.Parameter;
import twostage.spi.Parameter.Role;
import twostage.spi.PlugIn;
import twostage.spi.Settings;
import twostage.theory.DownstreamMoments;
import twostage.theory.LimitInputs;
import twostage.theory.PretrainingMoments;

/**
 * The Gaussian mixture on data (docs/data.md): EM for (1/K)Σ N(u_i, I_d) from k-means++ starts, best
 * of several by likelihood, gives Û; with the full-space posteriors ρ_i(x) at Û the per-row score is
 * ∇_{u_i}ℓ = −ρ_i(x − u_i) (Lemma J.4) and the per-row Hessian
 * ∇²_{ij}ℓ = δ_ij ρ_i I − δ_ij ρ_i(x − u_i)(x − u_i)ᵀ + ρ_iρ_j(x − u_i)(x − u_j)ᵀ, so
 * Ĥ = D̂ − Q̂ + Ŝ with D̂ = diag(mean ρ_i)⊗I and Q̂ the block diagonal of mean ρ_i(x − u_i)(x − u_i)ᵀ: Ĥ = Ŝ
 * exactly when each component's posterior-weighted covariance is the identity the model assumes.
 * Features ψ(x, Û) (6.4) in the subspace of S(Û), θ̂ by least squares on them, and J(x) at the labeled
 * rows by {@link MixtureDownstreamSampler#evaluate}. The group S_K is discrete: no orbit directions.
 */
public final class MixtureData implements DataModel {
  private static final int BLOCK = 512;

  static final List<Parameter> PARAMETERS = List.of(
      Parameter.integer("--K", 4, "Number of components K fitted to the data (>= 2)."),
      Parameter.count("--restarts", 5, Role.PIPELINE, "EM starts from k-means++ seeds; the best by likelihood is kept."),
      new Parameter("--em-tolerance", Parameter.Kind.REAL, "1e-9", List.of(), Role.PIPELINE,
          "EM stops when a step moves no centre coordinate by more than this.").range(1e-15, 1),
      Parameter.count("--em-max-passes", 2000, Role.PIPELINE, "Cap on EM passes over the data."));

  @Override
  public List<Parameter> dataParameters() {
    return PARAMETERS;
  }

  private static int components(Settings s) {
    int k = s.integer("--K");
    if (k < 2) {
      throw new IllegalArgumentException("--K must be >= 2, got " + k);
    }
    return k;
  }

  @Override
  public void checkSizes(DataSet data, Settings s) {
    int d = data.d();
    int k = components(s);
    long q = (long) k * d;
    int r = Math.min(d, k - 1);
    long p = (long) k * (r + 1);
    if (data.m() <= q) {
      throw new IllegalArgumentException(data.unlabeled().source() + ": " + data.m() + " rows, not more than the "
          + q + " pre-training parameters K*d = " + k + "*" + d + " (m > K*d is required: the empirical "
          + "score covariance of the centres would be singular)");
    }
    if (data.n() <= p + q) {
      throw new IllegalArgumentException(data.labeled().source() + ": " + data.n() + " rows; n > p + q = "
          + (p + q) + " is required (p = K(r+1) = " + p + " features and q = K*d = " + q + " centre coordinates: "
          + "d_base is the rank of the Gram of [psi; J] over the labeled rows)");
    }
  }

  @Override
  public double[] predict(DataSet train, DataTable test, Settings s, long seed) {
    int d = train.d();
    double[][] u = fit(train, s, seed).centres();
    SubspaceGeometry geo = SubspaceGeometry.atTruth(u);
    MixtureFeatures feats = new MixtureFeatures(u, geo);
    int p = feats.dimension();
    double[] psi = features(feats, train.labeled().values(), train.n(), d);
    double[] theta = LeastSquares.fit(psi, train.n(), p, train.y()).theta();
    double[] at = features(feats, test.values(), test.rows(), d);
    double[] out = new double[test.rows()];
    for (int i = 0; i < out.length; i++) {
      for (int j = 0; j < p; j++) {
        out[i] += theta[j] * at[i * p + j];
      }
    }
    return out;
  }

  private static double[] features(MixtureFeatures feats, double[] x, int n, int d) {
    int p = feats.dimension();
    double[] psi = new double[n * p];
    double[] z = new double[feats.subspaceDimension()];
    double[] pi = new double[p / (feats.subspaceDimension() + 1)];
    for (int i = 0; i < n; i++) {
      feats.evaluate(x, i * d, psi, i * p, z, pi);
    }
    return psi;
  }

  /** EM from k-means++ starts, the best of --restarts by likelihood. */
  private static MixtureEm.Fit fit(DataSet data, Settings s, long seed) {
    int d = data.d();
    int k = components(s);
    int m = data.m();
    double[] x = data.unlabeled().values();
    long restarts = s.count("--restarts", 1, "at least one start");
    long passes = s.count("--em-max-passes", 1, "at least one pass");
    if (passes > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("--em-max-passes must be <= 2^31-1, got " + passes);
    }
    MixtureEm em = new MixtureEm(s.real("--em-tolerance"), (int) passes, true);
    UniformRandomProvider rng = Streams.of(seed);
    MixtureEm.Fit best = null;
    for (int r = 0; r < restarts; r++) {
      MixtureEm.Fit f = em.fit(x, m, KMeansPlusPlus.seeds(rng, x, m, d, k));
      if (best == null || f.logLikelihood() > best.logLikelihood()) {
        best = f;
      }
    }
    return best;
  }

  @Override
  public PlugIn plugIn(DataSet data, Settings s, long seed) {
    int d = data.d();
    int k = components(s);
    int m = data.m();
    double[] x = data.unlabeled().values();
    MixtureEm.Fit best = fit(data, s, seed);
    double[][] u = best.centres();
    List<String> warnings = new ArrayList<>();
    if (!best.converged()) {
      warnings.add(String.format(Locale.ROOT, "EM did not converge in %d passes (last step %.3g > --em-tolerance): "
          + "the estimate is not a stationary point of the likelihood", best.passes(), best.lastStep()));
    }
    SubspaceGeometry geo = SubspaceGeometry.atTruth(u);
    int r = geo.rank();
    MixtureFeatures feats = new MixtureFeatures(u, geo);
    int p = feats.dimension();
    int n = data.n();
    DataTable lab = data.labeled();
    double[] psi = features(feats, lab.values(), n, d);
    LeastSquares ls = LeastSquares.fit(psi, n, p, data.y());
    MixtureInstance fitted = readout(u, geo, ls.theta(), Math.sqrt(ls.sigma2()));
    List<DownstreamMoments> noise = new ArrayList<>();
    for (double[] v : ls.noiseDirections()) {
      noise.add(downstream(readout(u, geo, v, 0), lab.values(), n));
    }
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("emPasses", best.passes());
    info.put("emConverged", best.converged());
    info.put("logLikelihood", best.logLikelihood());
    info.put("subspaceRank", r);
    info.put("subspaceEigenvalues", java.util.Arrays.copyOf(geo.eigenvalues(), Math.min(d, k)));
    info.put("eigengap", geo.eigengap());
    info.put("minComponentWeight", minWeight(u, x, m, d));
    info.put("designRank", ls.rank());
    return new PlugIn(new LimitInputs(pretraining(u, x, m), downstream(fitted, lab.values(), n), new DMatrixRMaj(k * d, 0)),
        ls.sigma2(), ls.theta(), true, info, warnings, noise);
  }

  /** The mixture at centres u whose readout has intrinsic coordinates {@code t} (blocks of r, then the bias). */
  static MixtureInstance readout(double[][] u, SubspaceGeometry geo, double[] t, double sigma) {
    int k = u.length;
    int d = u[0].length;
    int r = geo.rank();
    double[][] theta = new double[k][d];
    double[] bias = new double[k];
    double[][] basis = geo.basis();
    for (int i = 0; i < k; i++) {
      for (int c = 0; c < r; c++) {
        double v = t[i * (r + 1) + c];
        for (int a = 0; a < d; a++) {
          theta[i][a] += basis[a][c] * v;
        }
      }
      bias[i] = t[i * (r + 1) + r];
    }
    return new MixtureInstance(u, theta, bias, sigma);
  }

  /** Ŝ and Ĥ = D̂ − Q̂ + Ŝ at the centres {@code u} over the m rows of {@code x}. */
  static PretrainingMoments pretraining(double[][] u, double[] x, int m) {
    int k = u.length;
    int d = u[0].length;
    int q = k * d;
    double[] half = Posteriors.halfNorms(u);
    double[] rho = new double[k];
    double[] scores = new double[BLOCK * q];
    double[] weight = new double[k];
    double[][] cov = new double[k][d * d];
    DMatrixRMaj s;
    try (GramSum gram = GramSum.create(q, BLOCK)) {
      for (int start = 0; start < m; start += BLOCK) {
        int count = Math.min(BLOCK, m - start);
        for (int row = 0; row < count; row++) {
          int xo = (start + row) * d;
          Posteriors.compute(u, half, x, xo, rho);
          int so = row * q;
          for (int i = 0; i < k; i++) {
            double[] ui = u[i];
            weight[i] += rho[i];
            double[] ci = cov[i];
            for (int a = 0; a < d; a++) {
              double ea = x[xo + a] - ui[a];
              scores[so + i * d + a] = -rho[i] * ea;
              double ra = rho[i] * ea;
              for (int b = 0; b <= a; b++) {
                ci[a * d + b] += ra * (x[xo + b] - ui[b]);
              }
            }
          }
        }
        gram.add(scores, count);
      }
      s = DMatrixRMaj.wrap(q, q, gram.toSymmetric());
    }
    CommonOps_DDRM.scale(1.0 / m, s);
    DMatrixRMaj h = s.copy();
    for (int i = 0; i < k; i++) {
      for (int a = 0; a < d; a++) {
        h.add(i * d + a, i * d + a, weight[i] / m);
        for (int b = 0; b <= a; b++) {
          double v = cov[i][a * d + b] / m;
          h.add(i * d + a, i * d + b, -v);
          if (b != a) {
            h.add(i * d + b, i * d + a, -v);
          }
        }
      }
    }
    return new PretrainingMoments(h, s);
  }

  /** Σ̂ψ, Ĉ, Ê[JJᵀ] over the labeled rows at the fitted centres and readout. */
  static DownstreamMoments downstream(MixtureInstance fitted, double[] x, int n) {
    MixtureDownstreamSampler sampler = new MixtureDownstreamSampler(fitted);
    int p = sampler.featureDimension();
    int q = sampler.parameterDimension();
    int d = fitted.dimension();
    double[] psi = new double[BLOCK * p];
    double[] jac = new double[BLOCK * q];
    double[] joint;
    try (GramSum gram = GramSum.create(p + q, BLOCK)) {
      for (int start = 0; start < n; start += BLOCK) {
        int count = Math.min(BLOCK, n - start);
        double[] rows = new double[count * d];
        System.arraycopy(x, start * d, rows, 0, count * d);
        sampler.evaluate(rows, count, psi, jac);
        gram.addConcatenated(psi, p, jac, q, count);
      }
      joint = gram.toSymmetric();
    }
    return DownstreamMoments.ofJointSum(joint, p, q, n);
  }

  private static double minWeight(double[][] u, double[] x, int m, int d) {
    int k = u.length;
    double[] half = Posteriors.halfNorms(u);
    double[] rho = new double[k];
    double[] w = new double[k];
    for (int row = 0; row < m; row++) {
      Posteriors.compute(u, half, x, row * d, rho);
      for (int i = 0; i < k; i++) {
        w[i] += rho[i] / m;
      }
    }
    return java.util.Arrays.stream(w).min().orElse(0);
  }

  @Override
  public DataSet simulate(ModelInstance instance, int m, int n, UniformRandomProvider rng) {
    if (!(instance instanceof MixtureCaseStudy.Instance mi)) {
      throw new IllegalArgumentException("not a gmm instance: " + instance.model());
    }
    MixtureInstance inst = mi.instance();
    double[][] u = inst.centres();
    int d = inst.dimension();
    int k = inst.components();
    MixtureSampling sampling = new MixtureSampling(u);
    double[] un = new double[m * d];
    sampling.draw(rng, m, un);
    double[] lab = new double[n * d];
    sampling.draw(rng, n, lab);
    SubspaceGeometry geo = SubspaceGeometry.atTruth(u);
    MixtureFeatures feats = new MixtureFeatures(u, geo);
    int r = geo.rank();
    int p = feats.dimension();
    double[] readout = new double[p];
    for (int i = 0; i < k; i++) {
      double[] t = geo.coordinates(inst.theta()[i]);
      System.arraycopy(t, 0, readout, i * (r + 1), r);
      readout[i * (r + 1) + r] = inst.bias()[i];
    }
    ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
    double[] psi = new double[p];
    double[] z = new double[r];
    double[] pi = new double[k];
    double[] y = new double[n];
    for (int row = 0; row < n; row++) {
      feats.evaluate(lab, row * d, psi, 0, z, pi);
      double f = 0;
      for (int j = 0; j < p; j++) {
        f += readout[j] * psi[j];
      }
      y[row] = f + inst.sigma() * g.sample();
    }
    return DataSet.simulated(un, lab, d, y);
  }
}
