package twostage.models.spectral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import twostage.random.Streams;

class SpectralEstimatorTest {

  private static DMatrixRMaj perturbed(SpectralGeometry g) {
    DMatrixRMaj a = g.aStar().copy();
    for (int i = 0; i < a.getNumElements(); i++) {
      a.data[i] += 0.2 * Math.cos(2.0 * i + 0.5);
    }
    return a;
  }

  @Test
  void populationStatisticsReproduceThePopulationLossAndItsDerivatives() {
    SpectralInstance inst = SpectralFixtures.correlated();
    SpectralGeometry g = SpectralGeometry.of(inst);
    EmpiricalLoss f = new EmpiricalLoss(SpectralStatistics.population(inst));
    DMatrixRMaj a = perturbed(g);
    assertThat(f.value(a)).isCloseTo(SpectralPopulation.loss(inst, a), within(1e-12));
    DMatrixRMaj diff = new DMatrixRMaj(a.numRows, a.numCols);
    CommonOps_DDRM.subtract(f.gradient(a), SpectralPopulation.gradient(inst, a), diff);
    assertThat(CommonOps_DDRM.elementMaxAbs(diff)).isLessThan(1e-12);
    DMatrixRMaj hd = new DMatrixRMaj(a.getNumElements(), a.getNumElements());
    CommonOps_DDRM.subtract(f.hessian(a), SpectralPopulation.hessian(inst, a), hd);
    assertThat(CommonOps_DDRM.elementMaxAbs(hd)).isLessThan(1e-11);
  }

  @Test
  void sufficientStatisticsGiveTheEmpiricalLossOfTheRawSample() {
    SpectralInstance inst = SpectralFixtures.correlated();
    SpectralGeometry g = SpectralGeometry.of(inst);
    int m = 1000;
    SpectralStatistics stats = SpectralStatistics.sample(inst, m, Streams.of(7, 1));
    // replay the same stream and average ℓ directly
    UniformRandomProvider rng = Streams.of(7, 1);
    ZigguratSampler.NormalizedGaussian gauss = GaussianTriples.gaussian(rng);
    GaussianTriples triples = new GaussianTriples(inst);
    DMatrixRMaj a = perturbed(g);
    int d = inst.dimension();
    double[] x = new double[d];
    double[] xp = new double[d];
    double[] xm = new double[d];
    double[] scratch = new double[2 * d];
    double sum = 0;
    for (int j = 0; j < m; j++) {
      triples.triple(gauss, scratch, x, xp, xm);
      double[] ax = apply(a, x);
      double[] axp = apply(a, xp);
      double[] axm = apply(a, xm);
      sum += -2 * dot(ax, axp) + Math.pow(dot(ax, axm), 2);
    }
    assertThat(new EmpiricalLoss(stats).value(a)).isCloseTo(sum / m, within(1e-10 * (1 + Math.abs(sum / m))));
  }

  @Test
  void empiricalDerivativesMatchFiniteDifferences() {
    SpectralInstance inst = SpectralInstance.corollary63(2, 4);
    EmpiricalLoss f = new EmpiricalLoss(SpectralStatistics.sample(inst, 500, Streams.of(3, 2)));
    DMatrixRMaj a = perturbed(SpectralGeometry.of(inst));
    DMatrixRMaj grad = f.gradient(a);
    DMatrixRMaj hess = f.hessian(a);
    double h = 1e-5;
    for (int u = 0; u < a.getNumElements(); u++) {
      DMatrixRMaj p = a.copy();
      DMatrixRMaj n = a.copy();
      p.data[u] += h;
      n.data[u] -= h;
      assertThat(grad.data[u]).isCloseTo((f.value(p) - f.value(n)) / (2 * h), within(1e-6));
      DMatrixRMaj gp = f.gradient(p);
      DMatrixRMaj gn = f.gradient(n);
      for (int v = 0; v < a.getNumElements(); v++) {
        assertThat(hess.get(v, u)).isCloseTo((gp.data[v] - gn.data[v]) / (2 * h), within(1e-5));
      }
    }
  }

  @Test
  void atThePopulationTheFitRecoversMStarWithZeroRep() {
    for (SpectralInstance inst : new SpectralInstance[] {SpectralInstance.corollary63(2, 4), SpectralFixtures.correlated()}) {
      SpectralFit fit = SpectralEstimator.fit(inst, SpectralStatistics.population(inst));
      assertThat(fit.converged()).isTrue();
      assertThat(fit.rep()).isLessThan(1e-20);
      DMatrixRMaj a = new DMatrixRMaj(fit.a());
      DMatrixRMaj m = new DMatrixRMaj(inst.dimension(), inst.dimension());
      CommonOps_DDRM.multTransA(a, a, m);
      DMatrixRMaj diff = new DMatrixRMaj(m.numRows, m.numCols);
      CommonOps_DDRM.subtract(m, SpectralGeometry.of(inst).mStar(), diff);
      assertThat(CommonOps_DDRM.elementMaxAbs(diff)).isLessThan(1e-10);
    }
  }

  @Test
  void newtonConvergesFromTheEmpiricalTruncation() {
    SpectralInstance inst = SpectralFixtures.correlated();
    for (int r = 0; r < 5; r++) {
      SpectralStatistics stats = SpectralStatistics.sample(inst, 3000, Streams.of(11, r));
      SpectralFit fit = SpectralEstimator.fit(inst, stats);
      assertThat(fit.converged()).isTrue();
      assertThat(fit.iterations()).isLessThan(20);
      assertThat(fit.gradientNorm()).isLessThan(1e-9);
      // a local minimum: the horizontal Hessian is positive definite and the loss is below the start
      EmpiricalLoss f = new EmpiricalLoss(stats);
      assertThat(fit.loss()).isLessThanOrEqualTo(f.value(SpectralEstimator.start(stats, inst.k())));
      assertThat(fit.rep()).isGreaterThan(0).isLessThan(0.1);
    }
  }

  private static double[] apply(DMatrixRMaj a, double[] x) {
    double[] out = new double[a.numRows];
    for (int i = 0; i < a.numRows; i++) {
      for (int b = 0; b < a.numCols; b++) {
        out[i] += a.get(i, b) * x[b];
      }
    }
    return out;
  }

  private static double dot(double[] a, double[] b) {
    double t = 0;
    for (int i = 0; i < a.length; i++) {
      t += a[i] * b[i];
    }
    return t;
  }
}
