package twostage.ad;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.hipparchus.CalculusFieldElement;

/**
 * Core's own test model with a continuous symmetry (the example models live in examples/models): w ∈ R²,
 * z ~ N(1, τ²), ℓ(w; z) = ½(‖w‖² − z)², invariant under rotations of w (orbit: the unit circle, tangent
 * (−w₂, w₁)); one feature, a Gaussian bump centred at c(w) = ‖w‖² − 1, ψ(x; w) = exp(−(x − c)²/2), with
 * x ~ N(0, 1), θ⋆ = 1, w⋆ = (1, 0), σ² = 0.25.
 *
 * <p>Closed form: ‖ŵ‖² is the sample mean of z, so ĉ = z̄ − 1 ~ N(0, τ²/m) and the law is the bump's
 * (docs/own-model.md, 3^{-3/2} for a unit-variance centre) scaled by τ²: E‖L(Z)‖² = τ²·3^{-3/2}, d_eff = 1.
 * H = 4w⋆w⋆ᵀ and S = 4τ²w⋆w⋆ᵀ, so the loss is not a likelihood unless τ = 1.
 *
 * <p>{@link Variant}s switch the optional parts (declared orbit, sufficient statistic, w⋆ found by a
 * search) and break the theory's conditions on purpose.
 */
class RingModel implements DifferentiableModel {
  /** τ² = Var z. */
  static final double TAU2 = 2.0;

  /** E‖L(Z)‖² = τ²·3^{-3/2}. */
  static final double INTERACTION = TAU2 * Math.pow(3, -1.5);

  /** What differs from the plain model. */
  enum Variant {
    /** w⋆ given, orbit declared, sufficient statistic (z, z²) with its population mean. */
    PLAIN,
    /** No declared orbit and no sufficient statistic: orbit from the null spaces, H from per-sample Hessians. */
    SAMPLED,
    /** w⋆ not given: found by Newton on a sample from (1.2, 0.3). */
    SEARCHED,
    /** ψ centred at w₂ instead of ‖w‖² − 1: moving along the orbit changes the feature span. */
    NOT_EQUIVARIANT,
    /** An extra coordinate s with loss s⁴ (flat to second order) that shifts the centre: H singular off the orbit. */
    SINGULAR_HESSIAN
  }

  private final Variant variant;

  RingModel(Variant variant) {
    this.variant = variant;
  }

  RingModel() {
    this(Variant.PLAIN);
  }

  @Override
  public String name() {
    return "ring-" + variant.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  @Override
  public int parameterDimension() {
    return variant == Variant.SINGULAR_HESSIAN ? 3 : 2;
  }

  @Override
  public int featureDimension() {
    return 1;
  }

  @Override
  public int sampleDimension() {
    return 1;
  }

  @Override
  public int inputDimension() {
    return 1;
  }

  private <T extends CalculusFieldElement<T>> T radius2(T[] w) {
    return w[0].square().add(w[1].square());
  }

  @Override
  public <T extends CalculusFieldElement<T>> T loss(T[] w, double[] z) {
    T l = radius2(w).subtract(z[0]).square().multiply(0.5);
    return variant == Variant.SINGULAR_HESSIAN ? l.add(w[2].pow(4)) : l;
  }

  @Override
  public <T extends CalculusFieldElement<T>> T[] features(T[] w, double[] x) {
    T c = switch (variant) {
      case NOT_EQUIVARIANT -> w[1];
      case SINGULAR_HESSIAN -> radius2(w).subtract(1).add(w[2]);
      default -> radius2(w).subtract(1);
    };
    T[] psi = org.hipparchus.util.MathArrays.buildArray(w[0].getField(), 1);
    psi[0] = c.negate().add(x[0]).square().multiply(-0.5).exp();
    return psi;
  }

  @Override
  public void samplePretraining(UniformRandomProvider rng, int count, double[] out) {
    ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
    double tau = Math.sqrt(TAU2);
    for (int i = 0; i < count; i++) {
      out[i] = 1 + tau * g.sample();
    }
  }

  @Override
  public void sampleDownstream(UniformRandomProvider rng, int count, double[] out) {
    ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
    for (int i = 0; i < count; i++) {
      out[i] = g.sample();
    }
  }

  @Override
  public double[] readout() {
    return new double[] {1};
  }

  @Override
  public double noiseVariance() {
    return 0.25;
  }

  @Override
  public double[] truth() {
    return switch (variant) {
      case SEARCHED -> null;
      case SINGULAR_HESSIAN -> new double[] {1, 0, 0};
      default -> new double[] {1, 0};
    };
  }

  @Override
  public double[] initialGuess() {
    return new double[] {1.2, 0.3};
  }

  @Override
  public double[] orbitTangent(double[] w) {
    return switch (variant) {
      case SAMPLED, SEARCHED -> null;
      case SINGULAR_HESSIAN -> new double[] {-w[1], w[0], 0};
      default -> new double[] {-w[1], w[0]};
    };
  }

  /** t(z) = (z, z²): (1/m)Σ½(r² − z)² = ½(r⁴ − 2r² t̄₁ + t̄₂) with r² = ‖w‖². */
  @Override
  public SufficientStatistic sufficientStatistic() {
    if (variant == Variant.SAMPLED || variant == Variant.SEARCHED) {
      return null;
    }
    return new SufficientStatistic() {
      @Override
      public int dimension() {
        return 2;
      }

      @Override
      public void accumulate(double[] z, double[] sum) {
        sum[0] += z[0];
        sum[1] += z[0] * z[0];
      }

      @Override
      public <T extends CalculusFieldElement<T>> T meanLoss(T[] w, double[] t) {
        T r2 = radius2(w);
        T l = r2.square().subtract(r2.multiply(2 * t[0])).add(t[1]).multiply(0.5);
        return variant == Variant.SINGULAR_HESSIAN ? l.add(w[2].pow(4)) : l;
      }

      @Override
      public double[] populationMean() {
        return new double[] {1, 1 + TAU2};
      }
    };
  }
}
