package twostage.examples;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import twostage.ad.AdCaseStudy;
import twostage.ad.DifferentiableModel;
import twostage.ad.PretrainingEstimator;
import twostage.ad.ResolvedModel;
import twostage.spi.InstanceFile;
import twostage.spi.Parameter;
import twostage.spi.Parameter.Role;
import twostage.spi.Settings;

/**
 * {@code autoencoder}: the tied-weight linear autoencoder ({@link TiedAutoencoder}), a model none of the
 * paper's case studies covers, with an O(k) symmetry. A generated instance has Σ = R diag(λ) Rᵀ for a
 * random rotation R ({@code --instance-seed}), the top k eigenvalues evenly spaced from
 * {@code --lambda-top} down to {@code --lambda-k} and the other d − k from {@code --lambda-next} down to
 * {@code --lambda-min} (the gap λ_k &gt; λ_{k+1} makes the top-k subspace unique), γ_a = (−0.7)^(a−1) and
 * σ = {@code --sigma}. Instance files: {"covariance": d rows of d, "k", "gamma": k numbers, "sigma"}.
 * The pipeline's estimator is Newton on the empirical loss (the default) or the closed-form principal
 * components ({@code --estimator pca}).
 */
public final class AutoencoderStudy extends AdCaseStudy {
  /** The registered case study {@code autoencoder}. */
  public AutoencoderStudy() {
    super("autoencoder",
        "Tied-weight linear autoencoder: loss |x - A'Ax|^2, features Ax, target on the top-k principal"
            + " components; orbit O(k).");
  }

  @Override
  protected List<Parameter> instanceParameters() {
    return List.of(
        Parameter.integer("--k", 2, "Code dimension k (1 <= k < d)."),
        Parameter.integer("--d", 4, "Input dimension d."),
        Parameter.real("--lambda-top", 4, "Largest eigenvalue of the input covariance (top k evenly down to --lambda-k)."),
        Parameter.real("--lambda-k", 2.5, "k-th eigenvalue of the input covariance (> --lambda-next: the eigengap)."),
        Parameter.real("--lambda-next", 1, "(k+1)-th eigenvalue (the other d - k evenly down to --lambda-min)."),
        Parameter.real("--lambda-min", 0.5, "Smallest eigenvalue of the input covariance (> 0)."),
        Parameter.real("--sigma", 0.5, "sd of the label noise (sigma^2 = its square)."),
        Parameter.count("--instance-seed", 11, Role.INSTANCE, "Seed of the random rotation of the eigenvectors."));
  }

  @Override
  protected List<Parameter> pipelineParameters() {
    return List.of(Parameter.choice("--estimator", "newton", List.of("newton", "pca"), Role.PIPELINE,
        "Pre-training estimator: newton (default: damped Newton on the empirical loss from w*) or pca"
            + " (the model's own: top-k eigenvectors of the sample second moment)."));
  }

  @Override
  protected PretrainingEstimator estimator(ResolvedModel resolved, Settings s) {
    return s.choice("--estimator").equals("pca")
        ? ((TiedAutoencoder) resolved.model()).principalComponents()
        : super.estimator(resolved, s);
  }

  /** The eigenvalues of a generated instance, decreasing. */
  static double[] spectrum(int k, int d, double top, double atK, double next, double min) {
    if (!(min > 0)) {
      throw new IllegalArgumentException("--lambda-min must be > 0 (a positive definite covariance), got " + min);
    }
    if (!(next >= min)) {
      throw new IllegalArgumentException("--lambda-next must be >= --lambda-min, got " + next + " < " + min);
    }
    if (!(atK > next)) {
      throw new IllegalArgumentException("--lambda-k must be > --lambda-next (the eigengap that makes the"
          + " top-k subspace unique), got " + atK + " <= " + next);
    }
    if (!(top >= atK)) {
      throw new IllegalArgumentException("--lambda-top must be >= --lambda-k, got " + top + " < " + atK);
    }
    double[] lambda = new double[d];
    for (int a = 0; a < k; a++) {
      lambda[a] = k == 1 ? atK : top + (atK - top) * a / (k - 1);
    }
    for (int b = 0; b < d - k; b++) {
      lambda[k + b] = d - k == 1 ? next : next + (min - next) * b / (d - k - 1);
    }
    return lambda;
  }

  @Override
  protected DifferentiableModel model(Settings s) {
    int k = s.integer("--k");
    int d = s.integer("--d");
    if (k < 1 || k >= d) {
      throw new IllegalArgumentException("--k must be in [1, d - 1] = [1, " + (d - 1) + "], got " + k);
    }
    if (d > 50) {
      throw new IllegalArgumentException("--d must be <= 50 (q = kd, per-sample Hessians are q x q), got " + d);
    }
    double sigma = s.real("--sigma");
    if (!(sigma >= 0)) {
      throw new IllegalArgumentException("--sigma must be >= 0, got " + sigma);
    }
    double[] lambda = spectrum(k, d, s.real("--lambda-top"), s.real("--lambda-k"), s.real("--lambda-next"),
        s.real("--lambda-min"));
    double[] gamma = new double[k];
    for (int a = 0; a < k; a++) {
      gamma[a] = Math.pow(-0.7, a);
    }
    return new TiedAutoencoder(TiedAutoencoder.rotated(lambda, s.count("--instance-seed")), k, gamma, sigma * sigma);
  }

  @Override
  protected DifferentiableModel model(InstanceFile f) {
    f.onlyFields("covariance", "k", "gamma", "sigma");
    double sigma = f.number("sigma");
    if (!(sigma >= 0)) {
      throw new IllegalArgumentException("--instance " + f.source() + ": field 'sigma' must be >= 0, got " + sigma);
    }
    return new TiedAutoencoder(f.matrix("covariance"), f.integer("k"), f.vector("gamma"), sigma * sigma);
  }

  @Override
  protected Map<String, Object> toFile(DifferentiableModel model, Settings settings) {
    TiedAutoencoder m = (TiedAutoencoder) model;
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("covariance", InstanceFile.rows(m.covariance()));
    f.put("k", m.k());
    f.put("gamma", InstanceFile.list(m.gamma()));
    f.put("sigma", Math.sqrt(m.noiseVariance()));
    return f;
  }

  @Override
  protected Map<String, Object> describe(DifferentiableModel model, Settings settings, String source) {
    TiedAutoencoder m = (TiedAutoencoder) model;
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("source", source);
    p.put("d", m.inputDimension());
    p.put("k", m.k());
    double[] lambda = m.eigenvalues();
    for (int i = 0; i < lambda.length; i++) {
      lambda[i] = Double.parseDouble(String.format(java.util.Locale.ROOT, "%.12g", lambda[i])); // no round-off digits
    }
    p.put("eigenvalues", lambda);
    p.put("gamma", m.gamma());
    p.put("sigma", Math.sqrt(m.noiseVariance()));
    if (settings != null) {
      p.put("instanceSeed", settings.count("--instance-seed"));
    }
    p.put("parameterDimension", m.parameterDimension());
    p.put("orbitDimension", m.k() * (m.k() - 1) / 2);
    return p;
  }
}
