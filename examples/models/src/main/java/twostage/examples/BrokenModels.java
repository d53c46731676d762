package twostage.examples;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.hipparchus.CalculusFieldElement;
import twostage.ad.DifferentiableModel;
import twostage.ad.SufficientStatistic;

/**
 * Two deliberately broken variants of {@link TiedAutoencoder#example()}, which twostage must refuse
 * with a message that says what is wrong (w⋆ = U_kᵀ and θ⋆ given).
 */
public final class BrokenModels {
  private BrokenModels() {}

  /**
   * Features not equivariant: ψ(x; A) = a₁ᵀx reads only the first code unit, so moving along the
   * orbit (which turns a₁ towards a₂) changes the feature span (eq. 4.3 fails) and L does not vanish
   * on the orbit.
   */
  public static DifferentiableModel nonEquivariantFeatures() {
    TiedAutoencoder base = TiedAutoencoder.example();
    return new Base(base) {
      @Override
      public String name() {
        return "broken-features";
      }

      @Override
      public int featureDimension() {
        return 1;
      }

      @Override
      public <T extends CalculusFieldElement<T>> T[] features(T[] w, double[] x) {
        return Arrays.copyOf(base.features(w, x), 1);
      }

      @Override
      public double[] readout() {
        return new double[] {1};
      }
    };
  }

  /**
   * A Hessian singular off the orbit: one extra coordinate s with loss term s⁴ (flat to second order at
   * s = 0, and no symmetry), on which the first feature depends, ψ(x; A, s) = Ax + s·x₁e₁.
   *
   * @param declareGroup declare the O(k) generator directions (then H has one null direction more than
   *     the group); otherwise the orbit is read from the null space of H
   */
  public static DifferentiableModel singularHessian(boolean declareGroup) {
    TiedAutoencoder base = TiedAutoencoder.example();
    int q = base.parameterDimension();
    return new Base(base) {
      @Override
      public String name() {
        return "broken-hessian";
      }

      @Override
      public int parameterDimension() {
        return q + 1;
      }

      @Override
      public <T extends CalculusFieldElement<T>> T loss(T[] w, double[] x) {
        return base.loss(Arrays.copyOf(w, q), x).add(w[q].pow(4));
      }

      @Override
      public <T extends CalculusFieldElement<T>> T[] features(T[] w, double[] x) {
        T[] f = base.features(Arrays.copyOf(w, q), x);
        f[0] = f[0].add(w[q].multiply(x[0]));
        return f;
      }

      @Override
      public double[] truth() {
        return Arrays.copyOf(base.principal(), q + 1);
      }

      @Override
      public double[] orbitTangent(double[] w) {
        if (!declareGroup) {
          return null;
        }
        double[] t = base.orbitTangent(Arrays.copyOf(w, q));
        return Arrays.copyOf(t, t.length + t.length / q); // a zero row for s
      }

      @Override
      public SufficientStatistic sufficientStatistic() {
        SufficientStatistic s = base.sufficientStatistic();
        return new SufficientStatistic() {
          @Override
          public int dimension() {
            return s.dimension();
          }

          @Override
          public void accumulate(double[] z, double[] sum) {
            s.accumulate(z, sum);
          }

          @Override
          public <T extends CalculusFieldElement<T>> T meanLoss(T[] w, double[] mean) {
            return s.meanLoss(Arrays.copyOf(w, q), mean).add(w[q].pow(4));
          }

          @Override
          public double[] populationMean() {
            return s.populationMean();
          }
        };
      }
    };
  }

  /** The autoencoder with w⋆ = U_kᵀ and θ⋆ = γ given; subclasses break one thing. */
  private abstract static class Base implements DifferentiableModel {
    final TiedAutoencoder base;
    private final double[] gamma = {1, -0.7};

    Base(TiedAutoencoder base) {
      this.base = base;
    }

    @Override
    public int parameterDimension() {
      return base.parameterDimension();
    }

    @Override
    public int featureDimension() {
      return base.featureDimension();
    }

    @Override
    public int sampleDimension() {
      return base.sampleDimension();
    }

    @Override
    public int inputDimension() {
      return base.inputDimension();
    }

    @Override
    public <T extends CalculusFieldElement<T>> T loss(T[] w, double[] z) {
      return base.loss(w, z);
    }

    @Override
    public void samplePretraining(UniformRandomProvider rng, int count, double[] out) {
      base.samplePretraining(rng, count, out);
    }

    @Override
    public void sampleDownstream(UniformRandomProvider rng, int count, double[] out) {
      base.sampleDownstream(rng, count, out);
    }

    @Override
    public double[] readout() {
      return gamma.clone();
    }

    @Override
    public double noiseVariance() {
      return base.noiseVariance();
    }

    @Override
    public double[] truth() {
      return base.principal();
    }

    @Override
    public double[] orbitTangent(double[] w) {
      return base.orbitTangent(w);
    }

    @Override
    public SufficientStatistic sufficientStatistic() {
      return base.sufficientStatistic();
    }
  }
}
