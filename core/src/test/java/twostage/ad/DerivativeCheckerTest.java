package twostage.ad;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.hipparchus.CalculusFieldElement;
import org.junit.jupiter.api.Test;
import twostage.random.Streams;

class DerivativeCheckerTest {

  @Test
  void aCorrectModelPassesWithSlopeTwo() {
    RingModel m = new RingModel();
    List<DerivativeCheck> checks = DerivativeChecker.check(m, m.truth(), 0.01, Streams.of(3));
    assertThat(checks).hasSize(3).allMatch(DerivativeCheck::passed);
    for (DerivativeCheck c : checks) {
      assertThat(c.relativeError()).as(c.quantity()).isLessThan(1e-7);
      assertThat(c.slope()).as(c.quantity()).isBetween(1.9, 2.1);
    }
  }

  @Test
  void codeThatLeavesTheFieldIsCaught() {
    RingModel base = new RingModel();
    DifferentiableModel leaky = new Wrapper(base) {
      @Override
      public <T extends CalculusFieldElement<T>> T loss(T[] w, double[] z) {
        T[] v = w.clone();
        v[0] = w[0].newInstance(w[0].getReal()); // drops ∂/∂w₀
        return base.loss(v, z);
      }
    };
    List<DerivativeCheck> checks = DerivativeChecker.check(leaky, base.truth(), 0.01, Streams.of(3));
    assertThat(checks.get(0).quantity()).isEqualTo("loss gradient");
    assertThat(checks.get(0).passed()).isFalse();
    assertThat(checks.get(0).relativeError()).isGreaterThan(1e-3);
  }

  @Test
  void wrongHandDerivativesAreCaught() {
    RingModel base = new RingModel();
    AutomaticDerivatives auto = new AutomaticDerivatives(base);
    Derivatives hand = new Derivatives() {
      @Override
      public double loss(double[] w, double[] z) {
        return auto.loss(w, z);
      }

      @Override
      public void featureValues(double[] w, double[] x, double[] psi) {
        auto.featureValues(w, x, psi);
      }

      @Override
      public double score(double[] w, double[] z, double[] out) {
        double v = auto.score(w, z, out);
        out[0] *= 1.01;
        return v;
      }

      @Override
      public void addHessian(double[] w, double[] z, double[] out, double[] score) {
        auto.addHessian(w, z, out, score);
      }

      @Override
      public void features(double[] w, double[] x, double[] psi, double[] jacobian) {
        auto.features(w, x, psi, jacobian);
      }
    };
    DifferentiableModel m = new Wrapper(base) {
      @Override
      public Derivatives handDerivatives() {
        return hand;
      }
    };
    List<DerivativeCheck> checks = DerivativeChecker.check(m, base.truth(), 0.01, Streams.of(3));
    assertThat(checks).extracting(DerivativeCheck::quantity).contains("hand score vs automatic");
    assertThat(checks.stream().filter(c -> c.quantity().equals("hand score vs automatic")).findFirst()
        .orElseThrow().passed()).isFalse();
    assertThat(checks.stream().filter(c -> c.quantity().equals("hand Hessian vs automatic")).findFirst()
        .orElseThrow().passed()).isTrue();
  }

  /** Forwards everything to the ring model. */
  private static class Wrapper implements DifferentiableModel {
    final RingModel base;

    Wrapper(RingModel base) {
      this.base = base;
    }

    @Override public String name() { return "wrapped"; }
    @Override public int parameterDimension() { return base.parameterDimension(); }
    @Override public int featureDimension() { return base.featureDimension(); }
    @Override public int sampleDimension() { return base.sampleDimension(); }
    @Override public int inputDimension() { return base.inputDimension(); }
    @Override public <T extends CalculusFieldElement<T>> T loss(T[] w, double[] z) { return base.loss(w, z); }
    @Override public <T extends CalculusFieldElement<T>> T[] features(T[] w, double[] x) { return base.features(w, x); }
    @Override public void samplePretraining(UniformRandomProvider r, int c, double[] o) { base.samplePretraining(r, c, o); }
    @Override public void sampleDownstream(UniformRandomProvider r, int c, double[] o) { base.sampleDownstream(r, c, o); }
    @Override public double[] readout() { return base.readout(); }
    @Override public double noiseVariance() { return base.noiseVariance(); }
    @Override public double[] truth() { return base.truth(); }
  }
}
