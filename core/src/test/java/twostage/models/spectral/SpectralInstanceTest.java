package twostage.models.spectral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SpectralInstanceTest {
  private static final double[][] I3 = SpectralFixtures.diag(1, 1, 1);
  private static final double[][] PLUS = SpectralFixtures.diag(0.9, 0.5, 0.2);

  @Test
  void corollary63HasTheStatedCanonicalRepresentative() {
    SpectralGeometry g = SpectralGeometry.of(SpectralInstance.corollary63(2, 4));
    assertThat(g.aStar().get(0, 0)).isEqualTo(1.0);
    assertThat(g.aStar().get(1, 1)).isCloseTo(1 / Math.sqrt(2), org.assertj.core.api.Assertions.within(1e-15));
    assertThat(g.aStar().get(0, 2)).isZero();
    assertThat(g.orbitBasis().numCols).isEqualTo(1);
  }

  @Test
  void rejectsBadShapes() {
    assertThatThrownBy(() -> new SpectralInstance(new double[][] {{1, 0}, {0}}, PLUS, I3, 1, new double[] {1}, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sigmaPre").hasMessageContaining("square");
    assertThatThrownBy(() -> new SpectralInstance(I3, SpectralFixtures.diag(1, 0.5), I3, 1, new double[] {1}, 1))
        .hasMessageContaining("sigmaPlus").hasMessageContaining("3×3");
    assertThatThrownBy(() -> new SpectralInstance(I3, PLUS, I3, 2, new double[] {1}, 1))
        .hasMessageContaining("beta").hasMessageContaining("length k = 2");
    assertThatThrownBy(() -> new SpectralInstance(I3, PLUS, I3, 4, new double[] {1, 1, 1, 1}, 1))
        .hasMessageContaining("k must satisfy");
    assertThatThrownBy(() -> new SpectralInstance(I3, PLUS, I3, 1, new double[] {1}, -1))
        .hasMessageContaining("sigma must be");
  }

  @Test
  void rejectsAsymmetricOrIndefiniteCovariances() {
    double[][] asym = {{1, 0.1, 0}, {0, 1, 0}, {0, 0, 1}};
    assertThatThrownBy(() -> new SpectralInstance(I3, asym, I3, 1, new double[] {1}, 1))
        .hasMessageContaining("sigmaPlus must be symmetric");
    assertThatThrownBy(() -> new SpectralInstance(SpectralFixtures.diag(1, 1, 0), PLUS, I3, 1, new double[] {1}, 1))
        .hasMessageContaining("sigmaPre must be positive definite");
    assertThatThrownBy(() -> new SpectralInstance(I3, PLUS, SpectralFixtures.diag(1, -1, 1), 1, new double[] {1}, 1))
        .hasMessageContaining("sigmaDown must be positive definite");
    assertThatThrownBy(() -> new SpectralInstance(I3, SpectralFixtures.diag(1.5, 0.5, 0.2), I3, 1, new double[] {1}, 1))
        .hasMessageContaining("sigmaPlus").hasMessageContaining("[−1, 1]");
  }

  @Test
  void rejectsAViolatedEigengap() {
    assertThatThrownBy(() -> new SpectralInstance(I3, SpectralFixtures.diag(0.5, 0.5, 0.2), I3, 1, new double[] {1}, 1))
        .hasMessageContaining("Assumption 6.1");
    // λ_k must beat max(λ_{k+1}, 0): a non-positive λ_k fails even with a gap to λ_{k+1}
    assertThatThrownBy(() -> new SpectralInstance(I3, SpectralFixtures.diag(0.5, -0.1, -0.3), I3, 2, new double[] {1, 1}, 1))
        .hasMessageContaining("Assumption 6.1");
  }

  @Test
  void copiesItsArrays() {
    double[][] plus = SpectralFixtures.diag(0.9, 0.5, 0.2);
    SpectralInstance inst = new SpectralInstance(I3, plus, I3, 1, new double[] {1}, 1);
    plus[0][0] = 0;
    assertThat(inst.sigmaPlus()[0][0]).isEqualTo(0.9);
    inst.sigmaPlus()[0][0] = 0;
    assertThat(inst.sigmaPlus()[0][0]).isEqualTo(0.9);
  }
}
