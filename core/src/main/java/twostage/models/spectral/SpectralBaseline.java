package twostage.models.spectral;

import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import twostage.linalg.Sym;
import twostage.baseline.BaselineProblem;
import twostage.baseline.DesignSampler;
import twostage.baseline.LocalChart;

/**
 * The downstream-only baseline problem of the linear spectral model: x ~ N(0, Σdown),
 * y = β⋆ᵀA⋆x + σ·N(0, 1), the class {@link SpectralFamily} at φ⋆ = (β⋆, vec A⋆) and the exact excess
 * risk (v − a⋆)ᵀΣdown(v − a⋆).
 */
public final class SpectralBaseline {
  private SpectralBaseline() {}

  /** The problem for one instance. */
  public static BaselineProblem problem(SpectralInstance instance) {
    SpectralGeometry g = SpectralGeometry.of(instance);
    int d = g.d();
    int k = g.k();
    SpectralFamily family = new SpectralFamily(d, k);
    double[] truth = new double[family.parameterDimension()];
    double[] beta = instance.beta();
    System.arraycopy(beta, 0, truth, 0, k);
    System.arraycopy(g.aStar().data, 0, truth, k, k * d);
    DMatrixRMaj cov = new DMatrixRMaj(instance.sigmaDown());
    double[] root = Sym.sqrtPsd(cov).data;
    double[] target = g.aTarget();
    DesignSampler design = (rng, count, out) -> {
      ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
      double[] z = new double[d];
      for (int n = 0; n < count; n++) {
        for (int b = 0; b < d; b++) {
          z[b] = gauss.sample();
        }
        for (int b = 0; b < d; b++) {
          double s = 0;
          for (int c = 0; c < d; c++) {
            s += root[b * d + c] * z[c];
          }
          out[n * d + b] = s;
        }
      }
    };
    BaselineProblem.ExcessRisk excess = phi -> {
      double[] v = family.coefficients(phi);
      double s = 0;
      for (int a = 0; a < d; a++) {
        for (int b = 0; b < d; b++) {
          s += (v[a] - target[a]) * cov.get(a, b) * (v[b] - target[b]);
        }
      }
      return s;
    };
    return new BaselineProblem(family, truth, design, instance.sigma(), excess);
  }

  /** The chart from the exact gradient Gram Dvᵀ Σdown Dv at φ⋆. */
  public static LocalChart exactChart(SpectralInstance instance, double tolerance) {
    BaselineProblem pb = problem(instance);
    SpectralFamily f = (SpectralFamily) pb.family();
    DMatrixRMaj dv = f.coefficientJacobian(pb.truth());
    DMatrixRMaj tmp = new DMatrixRMaj(dv.numRows, dv.numCols);
    CommonOps_DDRM.mult(new DMatrixRMaj(instance.sigmaDown()), dv, tmp);
    DMatrixRMaj gram = new DMatrixRMaj(dv.numCols, dv.numCols);
    CommonOps_DDRM.multTransA(dv, tmp, gram);
    return LocalChart.fromGram(pb.truth(), gram, tolerance);
  }
}
