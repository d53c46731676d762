package twostage.examples;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ejml.data.DMatrixRMaj;
import org.hipparchus.CalculusFieldElement;
import twostage.ad.DifferentiableModel;
import twostage.ad.EmpiricalRiskEstimator;
import twostage.ad.PretrainingEstimator;
import twostage.ad.PretrainingFit;
import twostage.ad.FieldLinearAlgebra;
import twostage.ad.SufficientStatistic;
import twostage.linalg.Sym;
import twostage.linalg.SymmetricEigen;
import twostage.models.factor.SampleCovariance;
import twostage.random.Streams;
import twostage.simulate.FitDiagnostics;
import twostage.simulate.LearnedRepresentation;
import twostage.simulate.LinearGaussianRepresentation;

/**
 * A tied-weight linear autoencoder, a model none of the paper's case studies covers: pre-training on
 * x ~ N(0, Σ) by the reconstruction loss ℓ(A; x) = ‖x − AᵀAx‖² with A ∈ R^{k×d} (w = vec(A) row-major,
 * coordinate a·d + i is A_ai), features ψ(x; A) = Ax (the code), and a downstream target that is a
 * linear function of the top-k principal components, f⋆(x) = γᵀU_kᵀx, with label noise σ².
 *
 * <p>The population loss tr((I − AᵀA)²Σ) is minimised where AᵀA projects onto the top-k eigenspace of
 * Σ (an eigengap λ_k &gt; λ_{k+1} makes it unique), and is invariant under A → QA for Q ∈ O(k): the
 * orbit has dimension k(k−1)/2, with tangent {ΩA : Ω skew} (declared, and cross-checked against the
 * null space of H). ψ(x; QA) = Qψ(x; A), so the features are orthogonally equivariant. The loss is not
 * a likelihood (H ≠ S). w⋆ is not given: twostage finds it by minimising the exact mean loss
 * ℓ̄(A; Σ) = tr Σ − 2 tr(AΣAᵀ) + tr(AAᵀ AΣAᵀ) from a perturbed start, and θ⋆ is projected from f⋆.
 * Downstream x has the same law as pre-training x.
 */
public final class TiedAutoencoder implements DifferentiableModel {
  private final int d;
  private final int k;
  private final double[] covariance;
  private final DMatrixRMaj covarianceSqrt;
  private final double[] principal;
  private final double[] gamma;
  private final double sigma2;

  /**
   * @param covariance Σ (d × d, symmetric positive definite, eigengap between λ_k and λ_{k+1})
   * @param k code dimension (1 ≤ k &lt; d)
   * @param gamma coefficients γ of f⋆ on the top-k principal components (length k)
   * @param sigma2 σ² ≥ 0
   */
  public TiedAutoencoder(double[][] covariance, int k, double[] gamma, double sigma2) {
    this.d = covariance.length;
    if (k < 1 || k >= d) {
      throw new IllegalArgumentException("k must be in [1, d-1] = [1, " + (d - 1) + "], got " + k);
    }
    if (gamma.length != k) {
      throw new IllegalArgumentException("gamma must have k=" + k + " entries, got " + gamma.length);
    }
    if (!(sigma2 >= 0) || Double.isInfinite(sigma2)) {
      throw new IllegalArgumentException("sigma2 must be finite and >= 0, got " + sigma2);
    }
    this.k = k;
    DMatrixRMaj c = new DMatrixRMaj(covariance);
    if (c.numCols != d) {
      throw new IllegalArgumentException("covariance must be square, got " + d + "x" + c.numCols);
    }
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < i; j++) {
        if (!(Math.abs(c.get(i, j) - c.get(j, i)) <= 1e-12 * Math.max(1, Math.abs(c.get(i, j))))) {
          throw new IllegalArgumentException("covariance must be symmetric: entry (" + i + ", " + j + ") is "
              + c.get(i, j) + " but (" + j + ", " + i + ") is " + c.get(j, i));
        }
      }
    }
    SymmetricEigen eig = SymmetricEigen.of(c);
    double[] lambda = eig.values();
    if (!(lambda[d - 1] > 0)) {
      throw new IllegalArgumentException("covariance must be positive definite, smallest eigenvalue " + lambda[d - 1]);
    }
    if (!(lambda[k - 1] > lambda[k] * (1 + 1e-6))) {
      throw new IllegalArgumentException("covariance needs an eigengap lambda_k > lambda_{k+1}, got "
          + lambda[k - 1] + " and " + lambda[k]);
    }
    this.covariance = Sym.symmetrized(c).data;
    this.covarianceSqrt = Sym.sqrtPsd(c);
    this.principal = new double[k * d];
    for (int a = 0; a < k; a++) {
      for (int i = 0; i < d; i++) {
        principal[a * d + i] = eig.vectors().get(i, a);
      }
    }
    this.gamma = gamma.clone();
    this.sigma2 = sigma2;
  }

  /**
   * The example instance: d = 4, k = 2, Σ = R diag(4, 2.5, 1, 0.5) Rᵀ for a rotation R drawn from
   * {@code Streams.of(11)}, γ = (1, −0.7), σ² = 0.25 (the registered model's defaults).
   */
  public static TiedAutoencoder example() {
    return new TiedAutoencoder(rotated(new double[] {4, 2.5, 1, 0.5}, 11), 2, new double[] {1, -0.7}, 0.25);
  }

  /**
   * Σ = R diag(λ) Rᵀ with R the eigenvectors of GᵀG for a Gaussian d × d matrix G drawn from
   * {@code Streams.of(seed)} (a random rotation).
   */
  public static double[][] rotated(double[] lambda, long seed) {
    int d = lambda.length;
    UniformRandomProvider rng = Streams.of(seed);
    ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
    DMatrixRMaj m = new DMatrixRMaj(d, d);
    for (int i = 0; i < d * d; i++) {
      m.data[i] = g.sample();
    }
    DMatrixRMaj gram = new DMatrixRMaj(d, d);
    org.ejml.dense.row.CommonOps_DDRM.multTransA(m, m, gram);
    DMatrixRMaj r = SymmetricEigen.of(gram).vectors();
    double[][] cov = new double[d][d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        double s = 0;
        for (int l = 0; l < d; l++) {
          s += r.get(i, l) * lambda[l] * r.get(j, l);
        }
        cov[i][j] = s;
      }
    }
    return cov;
  }

  /** Σ (d × d). */
  public double[][] covariance() {
    double[][] c = new double[d][d];
    for (int i = 0; i < d; i++) {
      System.arraycopy(covariance, i * d, c[i], 0, d);
    }
    return c;
  }

  /** k, the code dimension. */
  public int k() {
    return k;
  }

  /** γ, the coefficients of f⋆ on the top-k principal components. */
  public double[] gamma() {
    return gamma.clone();
  }

  /** The eigenvalues of Σ, decreasing. */
  public double[] eigenvalues() {
    return SymmetricEigen.of(DMatrixRMaj.wrap(d, d, covariance.clone())).values();
  }

  /** U_kᵀ (k × d, row-major): the rows are the top-k eigenvectors of Σ, a minimiser of the loss. */
  public double[] principal() {
    return principal.clone();
  }

  @Override
  public String name() {
    return "autoencoder";
  }

  @Override
  public int parameterDimension() {
    return k * d;
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
    T[][] a = FieldLinearAlgebra.matrix(w, k, d);
    T[] code = FieldLinearAlgebra.times(a, x);
    T s = w[0].getField().getZero();
    for (int i = 0; i < d; i++) {
      T r = w[0].getField().getZero().add(x[i]);
      for (int b = 0; b < k; b++) {
        r = r.subtract(a[b][i].multiply(code[b]));
      }
      s = s.add(r.multiply(r));
    }
    return s;
  }

  @Override
  public <T extends CalculusFieldElement<T>> T[] features(T[] w, double[] x) {
    return FieldLinearAlgebra.times(FieldLinearAlgebra.matrix(w, k, d), x);
  }

  @Override
  public void samplePretraining(UniformRandomProvider rng, int count, double[] out) {
    draw(rng, count, out);
  }

  @Override
  public void sampleDownstream(UniformRandomProvider rng, int count, double[] out) {
    draw(rng, count, out);
  }

  @Override
  public double[] readout() {
    return null;
  }

  @Override
  public double target(double[] x) {
    double f = 0;
    for (int a = 0; a < k; a++) {
      double u = 0;
      for (int i = 0; i < d; i++) {
        u += principal[a * d + i] * x[i];
      }
      f += gamma[a] * u;
    }
    return f;
  }

  @Override
  public double noiseVariance() {
    return sigma2;
  }

  @Override
  public double[] truth() {
    return null;
  }

  /** U_kᵀ turned by a small rotation in the first two coordinates of R^d and perturbed by 0.05. */
  @Override
  public double[] initialGuess() {
    double[] w = principal.clone();
    for (int i = 0; i < w.length; i++) {
      w[i] += 0.05 * Math.sin(1.7 * i + 0.3);
    }
    return w;
  }

  /** Columns vec(E_ab A − E_ba A), a &lt; b: row a gets A's row b, row b gets minus A's row a. */
  @Override
  public double[] orbitTangent(double[] w) {
    int o = k * (k - 1) / 2;
    int q = k * d;
    double[] t = new double[q * o];
    int c = 0;
    for (int a = 0; a < k; a++) {
      for (int b = a + 1; b < k; b++) {
        for (int i = 0; i < d; i++) {
          t[(a * d + i) * o + c] = w[b * d + i];
          t[(b * d + i) * o + c] = -w[a * d + i];
        }
        c++;
      }
    }
    return t;
  }

  @Override
  public SufficientStatistic sufficientStatistic() {
    return new SufficientStatistic() {
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
      public <T extends CalculusFieldElement<T>> T meanLoss(T[] w, double[] s) {
        T[][] a = FieldLinearAlgebra.matrix(w, k, d);
        T[][] as = org.hipparchus.util.MathArrays.buildArray(w[0].getField(), k, d); // A S
        for (int b = 0; b < k; b++) {
          for (int j = 0; j < d; j++) {
            T t = a[b][0].multiply(s[j]);
            for (int i = 1; i < d; i++) {
              t = t.add(a[b][i].multiply(s[i * d + j]));
            }
            as[b][j] = t;
          }
        }
        T trS = w[0].getField().getZero();
        for (int i = 0; i < d; i++) {
          trS = trS.add(s[i * d + i]);
        }
        T trM = w[0].getField().getZero(); // tr(A S Aᵀ)
        T trGm = w[0].getField().getZero(); // tr(AAᵀ · ASAᵀ)
        for (int b = 0; b < k; b++) {
          for (int c = 0; c < k; c++) {
            T m = FieldLinearAlgebra.dot(as[b], a[c]); // (ASAᵀ)_bc
            T g = FieldLinearAlgebra.dot(a[c], a[b]); // (AAᵀ)_cb
            if (b == c) {
              trM = trM.add(m);
            }
            trGm = trGm.add(g.multiply(m));
          }
        }
        return trS.subtract(trM.multiply(2)).add(trGm);
      }

      @Override
      public double[] populationMean() {
        return covariance.clone();
      }

      @Override
      public double[] sampleMean(UniformRandomProvider rng, long m) {
        return m >= d ? SampleCovariance.wishart(rng, covarianceSqrt, m).data : null;
      }
    };
  }

  /**
   * An estimator of the user's own, beside the default Newton: principal components. The rows of ŵ_m
   * are the top-k eigenvectors of the sample second moment S_m, the global minimiser of the empirical
   * loss tr((I − AᵀA)²S_m) (up to the O(k) orbit, which Rep does not see). It draws S_m exactly as the
   * default estimator does ({@link EmpiricalRiskEstimator#statisticMean}), so on the same stream both
   * fit the same data.
   */
  public PretrainingEstimator principalComponents() {
    SufficientStatistic stat = sufficientStatistic();
    return new PretrainingEstimator() {
      @Override
      public PretrainingFit fit(UniformRandomProvider rng, int m) {
        double[] s = EmpiricalRiskEstimator.statisticMean(TiedAutoencoder.this, stat, rng, m);
        SymmetricEigen eig = SymmetricEigen.of(Sym.symmetrized(DMatrixRMaj.wrap(d, d, s)));
        double[] w = new double[k * d];
        for (int a = 0; a < k; a++) {
          for (int i = 0; i < d; i++) {
            w[a * d + i] = eig.vectors().get(i, a);
          }
        }
        boolean gap = eig.values()[k - 1] > eig.values()[k];
        return new PretrainingFit(w, gap, 0, 0, 0);
      }

      @Override
      public String description() {
        return "principal components: the top-k eigenvectors of the sample second moment (the closed-form"
            + " minimiser of the empirical loss)";
      }
    };
  }

  /** Linear features of Gaussian inputs: Σ, a and Rep exactly ({@link LinearGaussianRepresentation}). */
  @Override
  public LearnedRepresentation representation(
      double[] fitted, double[] truth, double[] readout, FitDiagnostics diagnostics) {
    double[] target = new double[d]; // f⋆(x) = ⟨θ⋆, A⋆x⟩ = (A⋆ᵀθ⋆)ᵀx
    for (int a = 0; a < k; a++) {
      for (int i = 0; i < d; i++) {
        target[i] += readout[a] * truth[a * d + i];
      }
    }
    return new LinearGaussianRepresentation(
        DMatrixRMaj.wrap(k, d, fitted.clone()), target, DMatrixRMaj.wrap(d, d, covariance.clone()), diagnostics);
  }

  private void draw(UniformRandomProvider rng, int count, double[] out) {
    ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
    double[] z = new double[d];
    for (int s = 0; s < count; s++) {
      for (int i = 0; i < d; i++) {
        z[i] = g.sample();
      }
      for (int i = 0; i < d; i++) {
        double v = 0;
        for (int j = 0; j < d; j++) {
          v += covarianceSqrt.get(i, j) * z[j];
        }
        out[s * d + i] = v;
      }
    }
  }
}
