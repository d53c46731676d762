package twostage.ad;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ejml.data.DMatrixRMaj;
import twostage.data.DataSet;
import twostage.data.DataTable;
import twostage.data.LeastSquares;
import twostage.exec.SequentialRunner;
import twostage.linalg.GramSum;
import twostage.linalg.Sym;
import twostage.linalg.SymmetricEigen;
import twostage.spi.DataModel;
import twostage.spi.ModelInstance;
import twostage.spi.Parameter;
import twostage.spi.PlugIn;
import twostage.spi.Settings;
import twostage.theory.DownstreamMoments;
import twostage.theory.LimitInputs;
import twostage.theory.PretrainingMoments;

/**
 * Any model written through automatic differentiation, on data (docs/data.md): the unlabeled rows are
 * the pre-training samples z (so the model's z and x must both be one row of the files), ŵ minimises
 * the empirical loss by damped Newton ({@link NewtonMinimizer}) from the model's
 * {@link DifferentiableModel#initialGuess()} (its {@link DifferentiableModel#truth()} when it gives
 * none), Ĥ and Ŝ are the means of the automatic per-row Hessians and score outer products at ŵ, the orbit
 * at ŵ is the declared one or the null space of Ĥ, and ψ, ∂ψ/∂w at the labeled rows give θ̂, Σ̂ψ, Ĉ and
 * Ê[JJᵀ] with J = (∂ψ/∂w)ᵀθ̂.
 */
public final class AdData implements DataModel {
  private static final int BLOCK = 256;

  private final AdCaseStudy study;

  /** The data capability of {@code study}. */
  public AdData(AdCaseStudy study) {
    this.study = study;
  }

  @Override
  public List<Parameter> dataParameters() {
    return study.instanceParameters();
  }

  private DifferentiableModel model(DataSet data, Settings s) {
    DifferentiableModel model = study.model(s);
    int d = data.d();
    if (model.sampleDimension() != d || model.inputDimension() != d) {
      throw new IllegalArgumentException("model " + study.name() + " with these options reads pre-training samples "
          + "of " + model.sampleDimension() + " numbers and inputs x of " + model.inputDimension() + ", but the files "
          + "have " + d + " x columns (on data, one row is both a pre-training sample and an input: set the model's "
          + "dimension options to the columns)");
    }
    return model;
  }

  @Override
  public void checkSizes(DataSet data, Settings s) {
    DifferentiableModel model = model(data, s);
    int q = model.parameterDimension();
    int p = model.featureDimension();
    if (data.m() <= q) {
      throw new IllegalArgumentException(data.unlabeled().source() + ": " + data.m() + " rows, not more than the "
          + q + " pre-training parameters of " + study.name() + " (m > q is required: the empirical score "
          + "covariance would be singular)");
    }
    if (data.n() <= p + q) {
      throw new IllegalArgumentException(data.labeled().source() + ": " + data.n() + " rows; n > p + q = " + (p + q)
          + " is required (d_base is the rank of the Gram of [psi; J] over the labeled rows)");
    }
  }

  /** ŵ: damped Newton on the empirical loss of the unlabeled rows. */
  static PretrainingFit fit(DifferentiableModel model, Derivatives der, DataTable z) {
    int q = model.parameterDimension();
    double[] start;
    try {
      start = model.initialGuess();
    } catch (UnsupportedOperationException e) {
      start = model.truth();
    }
    if (start == null || start.length != q) {
      throw new IllegalArgumentException("model " + model.name() + " gives no start for the estimator on data "
          + "(initialGuess() or truth() of length q = " + q + ")");
    }
    SufficientStatistic stat = model.sufficientStatistic();
    Objective f;
    if (stat != null) {
      double[] mean = new double[stat.dimension()];
      double[] row = new double[z.cols()];
      for (int i = 0; i < z.rows(); i++) {
        System.arraycopy(z.values(), i * z.cols(), row, 0, z.cols());
        stat.accumulate(row, mean);
      }
      for (int i = 0; i < mean.length; i++) {
        mean[i] /= z.rows();
      }
      f = Objective.of(stat, mean, q);
    } else {
      f = Objective.empirical(der, z.values(), z.rows(), z.cols(), q);
    }
    double[] declared = model.orbitTangent(start);
    DMatrixRMaj slice = declared == null ? null : new twostage.theory.AsymptoticEngine().horizontalBasis(
        org.ejml.dense.row.CommonOps_DDRM.identity(q), DMatrixRMaj.wrap(q, declared.length / q, declared));
    return new NewtonMinimizer().minimise(f, start, slice);
  }

  @Override
  public PlugIn plugIn(DataSet data, Settings s, long seed) {
    DifferentiableModel model = model(data, s);
    Derivatives der = ModelAdapters.derivatives(model);
    int q = model.parameterDimension();
    int p = model.featureDimension();
    PretrainingFit fit = fit(model, der, data.unlabeled());
    double[] w = fit.w();
    List<String> warnings = new ArrayList<>();
    if (!fit.converged()) {
      warnings.add(String.format(Locale.ROOT, "the estimator did not converge (%d iterations, gradient norm %.3g): "
          + "the estimate is not a stationary point of the empirical loss", fit.iterations(), fit.gradientNorm()));
    }
    int m = data.m();
    int d = data.d();
    double[] hessian = new double[q * q];
    double[] scores = new double[BLOCK * q];
    double[] score = new double[q];
    double[] row = new double[d];
    DMatrixRMaj sHat;
    try (GramSum gram = GramSum.create(q, BLOCK)) {
      for (int start = 0; start < m; start += BLOCK) {
        int count = Math.min(BLOCK, m - start);
        for (int r = 0; r < count; r++) {
          System.arraycopy(data.unlabeled().values(), (start + r) * d, row, 0, d);
          der.addHessian(w, row, hessian, score);
          System.arraycopy(score, 0, scores, r * q, q);
        }
        gram.add(scores, count);
      }
      sHat = DMatrixRMaj.wrap(q, q, gram.toSymmetric());
    }
    org.ejml.dense.row.CommonOps_DDRM.scale(1.0 / m, sHat);
    DMatrixRMaj hHat = DMatrixRMaj.wrap(q, q, hessian);
    org.ejml.dense.row.CommonOps_DDRM.scale(1.0 / m, hHat);
    hHat = Sym.symmetrized(hHat);
    DMatrixRMaj orbit = orbit(model, w, hHat);

    int n = data.n();
    double[] psi = new double[n * p];
    double[] jac = new double[n * p * q];
    double[] psiRow = new double[p];
    double[] kRow = new double[p * q];
    for (int i = 0; i < n; i++) {
      System.arraycopy(data.labeled().values(), i * d, row, 0, d);
      der.features(w, row, psiRow, kRow);
      System.arraycopy(psiRow, 0, psi, i * p, p);
      System.arraycopy(kRow, 0, jac, i * p * q, p * q);
    }
    LeastSquares ls = LeastSquares.fit(psi, n, p, data.y());
    List<DownstreamMoments> noise = new ArrayList<>();
    for (double[] v : ls.noiseDirections()) {
      noise.add(downstream(psi, jac, n, p, q, v));
    }
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("iterations", fit.iterations());
    info.put("converged", fit.converged());
    info.put("gradientNorm", fit.gradientNorm());
    info.put("orbitDimension", orbit.numCols);
    info.put("designRank", ls.rank());
    return new PlugIn(new LimitInputs(new PretrainingMoments(hHat, sHat), downstream(psi, jac, n, p, q, ls.theta()),
        orbit), ls.sigma2(), ls.theta(), model.isMaximumLikelihood(), info, warnings, noise);
  }

  /**
   * The declared orbit tangent at ŵ, or the eigenvectors of Ĥ with relative eigenvalues below
   * {@link OrbitFinder#DEFAULT_TOLERANCE} (exact null directions: ŵ minimises the invariant empirical loss).
   */
  static DMatrixRMaj orbit(DifferentiableModel model, double[] w, DMatrixRMaj h) {
    int q = w.length;
    double[] declared = model.orbitTangent(w);
    if (declared != null) {
      return DMatrixRMaj.wrap(q, declared.length / q, declared.clone());
    }
    SymmetricEigen e = SymmetricEigen.of(h);
    int rank = e.rank(OrbitFinder.DEFAULT_TOLERANCE);
    return e.trailing(rank);
  }

  /** Σ̂ψ, Ĉ and Ê[JJᵀ] over the labeled rows with J = Kᵀv for readout v. */
  static DownstreamMoments downstream(double[] psi, double[] jac, int n, int p, int q, double[] v) {
    double[] rows = new double[BLOCK * q];
    double[] psiBlock = new double[BLOCK * p];
    double[] joint;
    try (GramSum gram = GramSum.create(p + q, BLOCK)) {
      for (int start = 0; start < n; start += BLOCK) {
        int count = Math.min(BLOCK, n - start);
        java.util.Arrays.fill(rows, 0);
        for (int r = 0; r < count; r++) {
          int o = (start + r) * p * q;
          for (int a = 0; a < p; a++) {
            for (int b = 0; b < q; b++) {
              rows[r * q + b] += v[a] * jac[o + a * q + b];
            }
          }
        }
        System.arraycopy(psi, start * p, psiBlock, 0, count * p);
        gram.addConcatenated(psiBlock, p, rows, q, count);
      }
      joint = gram.toSymmetric();
    }
    return DownstreamMoments.ofJointSum(joint, p, q, n);
  }

  @Override
  public double[] predict(DataSet train, DataTable test, Settings s, long seed) {
    DifferentiableModel model = model(train, s);
    Derivatives der = ModelAdapters.derivatives(model);
    int p = model.featureDimension();
    int d = train.d();
    double[] w = fit(model, der, train.unlabeled()).w();
    double[] psi = new double[train.n() * p];
    double[] row = new double[d];
    double[] out = new double[p];
    for (int i = 0; i < train.n(); i++) {
      System.arraycopy(train.labeled().values(), i * d, row, 0, d);
      der.featureValues(w, row, out);
      System.arraycopy(out, 0, psi, i * p, p);
    }
    double[] theta = LeastSquares.fit(psi, train.n(), p, train.y()).theta();
    double[] pred = new double[test.rows()];
    for (int i = 0; i < test.rows(); i++) {
      System.arraycopy(test.values(), i * d, row, 0, d);
      der.featureValues(w, row, out);
      for (int a = 0; a < p; a++) {
        pred[i] += theta[a] * out[a];
      }
    }
    return pred;
  }

  @Override
  public DataSet simulate(ModelInstance instance, int m, int n, UniformRandomProvider rng) {
    if (!(instance instanceof AdCaseStudy.Instance ai)) {
      throw new IllegalArgumentException("not an instance of " + study.name() + ": " + instance.model());
    }
    DifferentiableModel model = ai.differentiable();
    int d = model.inputDimension();
    if (model.sampleDimension() != d) {
      throw new IllegalArgumentException("model " + study.name() + " has pre-training samples of "
          + model.sampleDimension() + " numbers and inputs of " + d + ": its data are not one table of x");
    }
    ResolvedModel r = ai.resolved(AnalysisOptions.defaults(), new SequentialRunner());
    double[] z = new double[m * d];
    model.samplePretraining(rng, m, z);
    double[] x = new double[n * d];
    model.sampleDownstream(rng, n, x);
    Derivatives der = r.derivatives();
    double[] theta = r.readout().theta();
    double sigma = Math.sqrt(model.noiseVariance());
    ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
    double[] y = new double[n];
    double[] row = new double[d];
    double[] psi = new double[model.featureDimension()];
    for (int i = 0; i < n; i++) {
      System.arraycopy(x, i * d, row, 0, d);
      der.featureValues(r.truth(), row, psi);
      double f = 0;
      for (int a = 0; a < psi.length; a++) {
        f += theta[a] * psi[a];
      }
      y[i] = f + sigma * g.sample();
    }
    return DataSet.simulated(z, x, d, y);
  }
}
