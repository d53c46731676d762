package twostage.models.factor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class FactorInstanceTest {
  @Test
  void refusesBadInputNamingParameterAndRule() {
    assertThatThrownBy(() -> FactorInstance.of(new double[][] {{1, 0}, {0}}, new double[] {1, 1}, 0.5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("A must be rectangular");
    assertThatThrownBy(() -> FactorInstance.of(new double[][] {{1, 2}}, new double[] {1, 1}, 0.5))
        .hasMessageContaining("k <= d");
    assertThatThrownBy(() -> FactorInstance.of(new double[][] {{1, 2}, {2, 4}, {3, 6}}, new double[] {1, 1}, 0.5))
        .hasMessageContaining("A must have full column rank");
    assertThatThrownBy(() -> FactorInstance.of(new double[][] {{1}, {0}}, new double[] {1, 2}, 0.5))
        .hasMessageContaining("beta must have k=1");
    assertThatThrownBy(() -> FactorInstance.of(new double[][] {{1}, {0}}, new double[] {1}, -0.1))
        .hasMessageContaining("sigmaNu must be finite and >= 0");
    assertThatThrownBy(() -> FactorInstance.of(new double[][] {{Double.NaN}, {0}}, new double[] {1}, 0.1))
        .hasMessageContaining("A[0][0] must be finite");
    assertThatThrownBy(() -> FactorInstance.generated(3, 2, 1)).hasMessageContaining("d must be >= k");
  }

  @Test
  void factoriesAreDeterministicAndCopyTheirInput() {
    assertThat(FactorInstance.generated(2, 5, 7).a()).isDeepEqualTo(FactorInstance.generated(2, 5, 7).a());
    assertThat(FactorInstance.generated(2, 5, 7).sigmaNu()).isEqualTo(FactorInstance.DEFAULT_SIGMA_NU);
    double[][] a = {{1, 0}, {0, 2}, {1, 1}};
    FactorInstance inst = FactorInstance.of(a, new double[] {1, -1}, 0.3);
    a[0][0] = 99;
    assertThat(inst.a()[0][0]).isEqualTo(1.0);
    assertThat(inst.d()).isEqualTo(3);
    assertThat(inst.k()).isEqualTo(2);
  }

  @Test
  void singularValueFactoryHasTheRequestedSpectrum() {
    FactorInstance inst =
        FactorInstance.fromSingularValues(6, new double[] {4, 1, 0.3}, new double[] {1, -1, 1}, 0.5, 3);
    double[] s = inst.singularValues();
    assertThat(s[0]).isCloseTo(4, within(1e-12));
    assertThat(s[1]).isCloseTo(1, within(1e-12));
    assertThat(s[2]).isCloseTo(0.3, within(1e-12));
    double n = 0;
    for (double b : inst.beta()) {
      n += b * b;
    }
    assertThat(n).isCloseTo(3, within(1e-12)); // β⋆ = Rγ with R orthogonal
  }
}
