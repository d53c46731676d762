package twostage.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import twostage.random.Streams;

/** The Cholesky shortcuts of the jackknife give the eigendecomposition route's tr(VG) to rounding. */
class EngineShortcutsTest {
  private final AsymptoticEngine engine = new AsymptoticEngine();

  @Test
  void fisherShortcutEqualsEigenRoute() {
    UniformRandomProvider rng = Streams.of(41);
    DownstreamMoments down = downstream(rng, 5, 9, 5);
    PretrainingMoments pre = PretrainingMoments.fisher(gram(rng, 9, 14));
    assertThat(shortcutsMatchingTheEigenRoute(pre, down)).isEqualTo(new AsymptoticEngine.Shortcuts(true, true));
  }

  @Test
  void sandwichShortcutEqualsEigenRoute() {
    UniformRandomProvider rng = Streams.of(42);
    DownstreamMoments down = downstream(rng, 4, 7, 4);
    PretrainingMoments pre = new PretrainingMoments(gram(rng, 7, 10), gram(rng, 7, 12));
    assertThat(shortcutsMatchingTheEigenRoute(pre, down).hessianDefinite()).isTrue();
  }

  /** Features of rank 3 < p = 5: Σψ⁺ by eigendecomposition, H by Cholesky. */
  @Test
  void rankDeficientFeaturesKeepThePseudoInverse() {
    UniformRandomProvider rng = Streams.of(43);
    DownstreamMoments down = downstream(rng, 5, 6, 3);
    PretrainingMoments pre = PretrainingMoments.fisher(gram(rng, 6, 9));
    assertThat(shortcutsMatchingTheEigenRoute(pre, down)).isEqualTo(new AsymptoticEngine.Shortcuts(true, false));
  }

  /** A singular H (rank 5 of 6) restricts V to its range: no Cholesky shortcut is allowed. */
  @Test
  void singularHessianGetsNoShortcut() {
    UniformRandomProvider rng = Streams.of(44);
    DownstreamMoments down = downstream(rng, 4, 6, 4);
    PretrainingMoments pre = PretrainingMoments.fisher(gram(rng, 6, 5));
    Interaction full = engine.evaluate(pre, down, null);
    assertThat(full.horizontalDimension()).isEqualTo(5);
    assertThat(engine.shortcuts(full, down, null).hessianDefinite()).isFalse();
  }

  /** An indefinite H makes the factorisation fail: the eigen route's value, not an exception. */
  @Test
  void failedFactorisationFallsBack() {
    UniformRandomProvider rng = Streams.of(45);
    DownstreamMoments down = downstream(rng, 4, 6, 4);
    DMatrixRMaj h = gram(rng, 6, 9);
    h.set(0, 0, -h.get(0, 0));
    PretrainingMoments pre = new PretrainingMoments(h, gram(rng, 6, 9));
    AsymptoticEngine.Shortcuts forced = new AsymptoticEngine.Shortcuts(true, true);
    assertThat(engine.interactionMean(pre, down, null, forced))
        .isEqualTo(engine.interactionMean(pre, down, null));
  }

  /**
   * The shortcuts the engine allows at (pre, down), after checking that their tr(VG) is the eigen
   * route's, and the full evaluation's, to rounding.
   */
  private AsymptoticEngine.Shortcuts shortcutsMatchingTheEigenRoute(PretrainingMoments pre, DownstreamMoments down) {
    Interaction full = engine.evaluate(pre, down, null);
    AsymptoticEngine.Shortcuts s = engine.shortcuts(full, down, null);
    double eigen = engine.interactionMean(pre, down, null);
    assertThat(engine.interactionMean(pre, down, null, s)).isCloseTo(eigen, within(1e-12 * eigen));
    assertThat(eigen).isCloseTo(full.mean(), within(1e-12 * eigen));
    return s;
  }

  /** Σ_r v_r v_rᵀ / rows for {@code rows} Gaussian vectors of length n (rank min(n, rows)). */
  private static DMatrixRMaj gram(UniformRandomProvider rng, int n, int rows) {
    DMatrixRMaj v = random(rng, rows, n);
    DMatrixRMaj g = new DMatrixRMaj(n, n);
    CommonOps_DDRM.multTransA(v, v, g);
    CommonOps_DDRM.scale(1.0 / rows, g);
    return g;
  }

  /** Moments of rows [ψ, J] with ψ = A u (rank {@code rank}) and J = B u + noise. */
  private static DownstreamMoments downstream(UniformRandomProvider rng, int p, int q, int rank) {
    int n = 40;
    DMatrixRMaj u = random(rng, n, rank);
    DMatrixRMaj psi = new DMatrixRMaj(n, p);
    CommonOps_DDRM.mult(u, random(rng, rank, p), psi);
    DMatrixRMaj jac = new DMatrixRMaj(n, q);
    CommonOps_DDRM.mult(u, random(rng, rank, q), jac);
    CommonOps_DDRM.addEquals(jac, 0.5, random(rng, n, q));
    DMatrixRMaj f = new DMatrixRMaj(p, p);
    CommonOps_DDRM.multTransA(psi, psi, f);
    DMatrixRMaj c = new DMatrixRMaj(p, q);
    CommonOps_DDRM.multTransA(psi, jac, c);
    DMatrixRMaj jj = new DMatrixRMaj(q, q);
    CommonOps_DDRM.multTransA(jac, jac, jj);
    CommonOps_DDRM.scale(1.0 / n, f);
    CommonOps_DDRM.scale(1.0 / n, c);
    CommonOps_DDRM.scale(1.0 / n, jj);
    return new DownstreamMoments(f, c, jj);
  }

  private static DMatrixRMaj random(UniformRandomProvider rng, int rows, int cols) {
    DMatrixRMaj m = new DMatrixRMaj(rows, cols);
    for (int i = 0; i < m.data.length; i++) {
      m.data[i] = rng.nextDouble() * 2 - 1;
    }
    return m;
  }
}
