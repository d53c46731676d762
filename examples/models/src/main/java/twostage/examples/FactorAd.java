package twostage.examples;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.hipparchus.CalculusFieldElement;
import twostage.ad.DifferentiableModel;
import twostage.ad.FieldLinearAlgebra;
import twostage.ad.SufficientStatistic;
import twostage.linalg.Sym;
import twostage.models.factor.FactorInstance;
import twostage.models.factor.FactorModel;
import twostage.models.factor.SampleCovariance;
import twostage.simulate.FitDiagnostics;
import twostage.simulate.LearnedRepresentation;
import twostage.simulate.LinearGaussianRepresentation;

/**
 * The factor model of Section 6.2 written through the automatic-differentiation API only: the loss and
 * the features are ordinary code, every derivative is derived. w = vec(A) row-major (coordinate i·k + j
 * is A_ij), z = x = A⋆h + µ.
 *
 * <p>Loss (I.3): ℓ(A; x) = ½ log det(I_d + AAᵀ) + ½ xᵀ(I_d + AAᵀ)⁻¹x, written through M = I_k + AᵀA:
 * log det(I_d + AAᵀ) = log det M and xᵀ(I_d + AAᵀ)⁻¹x = ‖x‖² − uᵀM⁻¹u with u = Aᵀx. Features
 * ψ(x; A) = Aᵀ(I_d + AAᵀ)⁻¹x = M⁻¹u. θ⋆ = β⋆ and σ² = σν² + β⋆ᵀ(I_k + A⋆ᵀA⋆)⁻¹β⋆ (by conditioning).
 * A well-specified Gaussian likelihood: H = S. The empirical loss depends on the data through
 * S_m = (1/m)Σxxᵀ: ℓ̄(A; S) = ½ log det M + ½ tr S − ½ tr(M⁻¹AᵀSA).
 */
public final class FactorAd implements DifferentiableModel {
  private final FactorModel model;
  private final int d;
  private final int k;
  private final double[] a;
  private final DMatrixRMaj covarianceSqrt;

  /** The model of {@code instance}. */
  public FactorAd(FactorInstance instance) {
    this.model = FactorModel.of(instance);
    this.d = instance.d();
    this.k = instance.k();
    this.a = model.loading().data;
    this.covarianceSqrt = Sym.sqrtPsd(model.covariance());
  }

  /** The population quantities of the instance. */
  public FactorModel model() {
    return model;
  }

  @Override
  public String name() {
    return "factor-ad";
  }

  @Override
  public int parameterDimension() {
    return d * k;
  }

  @Override
  public int featureDimension() {
    return k;
  }

  @Override
  public int sampleDimension() {
    return d;
  }

  @Override
  public int inputDimension() {
    return d;
  }

  @Override
  public <T extends CalculusFieldElement<T>> T loss(T[] w, double[] x) {
    T[][] am = FieldLinearAlgebra.matrix(w, d, k);
    T[][] l = FieldLinearAlgebra.cholesky(identityPlusGram(am));
    T[] u = FieldLinearAlgebra.transposeTimes(am, x);
    T quad = FieldLinearAlgebra.dot(u, FieldLinearAlgebra.solveCholesky(l, u));
    double xx = 0;
    for (double v : x) {
      xx += v * v;
    }
    return logDetFromCholesky(l).subtract(quad).add(xx).multiply(0.5);
  }

  @Override
  public <T extends CalculusFieldElement<T>> T[] features(T[] w, double[] x) {
    T[][] am = FieldLinearAlgebra.matrix(w, d, k);
    return FieldLinearAlgebra.solve(identityPlusGram(am), FieldLinearAlgebra.transposeTimes(am, x));
  }

  @Override
  public void samplePretraining(UniformRandomProvider rng, int count, double[] out) {
    drawX(rng, count, out);
  }

  @Override
  public void sampleDownstream(UniformRandomProvider rng, int count, double[] out) {
    drawX(rng, count, out);
  }

  @Override
  public double[] readout() {
    return model.theta().data;
  }

  @Override
  public double noiseVariance() {
    return model.sigmaSquared();
  }

  @Override
  public double[] truth() {
    return a.clone();
  }

  @Override
  public boolean isMaximumLikelihood() {
    return true;
  }

  @Override
  public SufficientStatistic sufficientStatistic() {
    return new SecondMoment(d, model.covariance().data, covarianceSqrt) {
      @Override
      public <T extends CalculusFieldElement<T>> T meanLoss(T[] w, double[] s) {
        T[][] am = FieldLinearAlgebra.matrix(w, d, k);
        T[][] l = FieldLinearAlgebra.cholesky(identityPlusGram(am));
        T quad = w[0].getField().getZero(); // tr(M⁻¹ AᵀSA) = Σ_j (AᵀSA)_{·j}ᵀ M⁻¹ e_j
        T[][] sa = SecondMoment.times(s, am, d);
        for (int j = 0; j < k; j++) {
          quad = quad.add(FieldLinearAlgebra.solveCholesky(l, column(am, sa, j))[j]);
        }
        double tr = 0;
        for (int i = 0; i < d; i++) {
          tr += s[i * d + i];
        }
        return logDetFromCholesky(l).subtract(quad).add(tr).multiply(0.5);
      }
    };
  }

  /**
   * The features are linear in x, ψ(x; A) = W(A)x with W(A) = (I_k + AᵀA)⁻¹Aᵀ, and x ~ N(0, Σ), so the
   * population moments of a fit and Rep are Gaussian closed forms ({@link LinearGaussianRepresentation});
   * f⋆(x) = θ⋆ᵀW(A⋆)x. Not a derivative: the law uses none of it.
   */
  @Override
  public LearnedRepresentation representation(
      double[] fitted, double[] truth, double[] readout, FitDiagnostics diagnostics) {
    DMatrixRMaj wStar = featureMap(truth);
    double[] target = new double[d];
    for (int j = 0; j < k; j++) {
      for (int i = 0; i < d; i++) {
        target[i] += readout[j] * wStar.get(j, i);
      }
    }
    return new LinearGaussianRepresentation(featureMap(fitted), target, model.covariance(), diagnostics);
  }

  /** W(A) = (I_k + AᵀA)⁻¹Aᵀ (k × d) for A = vec⁻¹(w). */
  private DMatrixRMaj featureMap(double[] w) {
    DMatrixRMaj am = DMatrixRMaj.wrap(d, k, w.clone());
    DMatrixRMaj m = CommonOps_DDRM.identity(k);
    CommonOps_DDRM.multAddTransA(am, am, m);
    DMatrixRMaj out = new DMatrixRMaj(k, d);
    if (!CommonOps_DDRM.solve(m, CommonOps_DDRM.transpose(am, null), out)) {
      throw new IllegalStateException("I + A'A is singular");
    }
    return out;
  }

  /** (AᵀSA)_{·j} given SA. */
  private <T extends CalculusFieldElement<T>> T[] column(T[][] am, T[][] sa, int j) {
    T[] out = org.hipparchus.util.MathArrays.buildArray(am[0][0].getField(), k);
    for (int r = 0; r < k; r++) {
      T s = am[0][r].multiply(sa[0][j]);
      for (int i = 1; i < d; i++) {
        s = s.add(am[i][r].multiply(sa[i][j]));
      }
      out[r] = s;
    }
    return out;
  }

  private <T extends CalculusFieldElement<T>> T[][] identityPlusGram(T[][] am) {
    T[][] m = FieldLinearAlgebra.gram(am);
    for (int j = 0; j < k; j++) {
      m[j][j] = m[j][j].add(1);
    }
    return m;
  }

  private static <T extends CalculusFieldElement<T>> T logDetFromCholesky(T[][] l) {
    T s = l[0][0].log();
    for (int i = 1; i < l.length; i++) {
      s = s.add(l[i][i].log());
    }
    return s.multiply(2);
  }

  private void drawX(UniformRandomProvider rng, int count, double[] out) {
    ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
    double[] h = new double[k];
    for (int s = 0; s < count; s++) {
      for (int j = 0; j < k; j++) {
        h[j] = g.sample();
      }
      for (int i = 0; i < d; i++) {
        double v = g.sample();
        for (int j = 0; j < k; j++) {
          v += a[i * k + j] * h[j];
        }
        out[s * d + i] = v;
      }
    }
  }

  /** t(x) = vec(xxᵀ) for centred Gaussian data, with its Wishart sampler. */
  abstract static class SecondMoment implements SufficientStatistic {
    private final int d;
    private final double[] population;
    private final DMatrixRMaj covarianceSqrt;

    SecondMoment(int d, double[] population, DMatrixRMaj covarianceSqrt) {
      this.d = d;
      this.population = population.clone();
      this.covarianceSqrt = covarianceSqrt;
    }

    @Override
    public int dimension() {
      return d * d;
    }

    @Override
    public void accumulate(double[] x, double[] sum) {
      for (int i = 0; i < d; i++) {
        for (int j = 0; j < d; j++) {
          sum[i * d + j] += x[i] * x[j];
        }
      }
    }

    @Override
    public double[] populationMean() {
      return population.clone();
    }

    @Override
    public double[] sampleMean(UniformRandomProvider rng, long m) {
      return m >= d ? SampleCovariance.wishart(rng, covarianceSqrt, m).data : null;
    }

    /** S·A for a constant symmetric S (d×d, row-major) and A (d × c). */
    static <T extends CalculusFieldElement<T>> T[][] times(double[] s, T[][] am, int d) {
      int c = am[0].length;
      T[][] out = org.hipparchus.util.MathArrays.buildArray(am[0][0].getField(), d, c);
      for (int i = 0; i < d; i++) {
        for (int j = 0; j < c; j++) {
          T t = am[0][j].multiply(s[i * d]);
          for (int l = 1; l < d; l++) {
            t = t.add(am[l][j].multiply(s[i * d + l]));
          }
          out[i][j] = t;
        }
      }
      return out;
    }
  }
}
