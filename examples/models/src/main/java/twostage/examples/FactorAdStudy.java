package twostage.examples;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import twostage.ad.AdCaseStudy;
import twostage.ad.DifferentiableModel;
import twostage.models.factor.FactorCaseStudy;
import twostage.models.factor.FactorInstance;
import twostage.spi.InstanceFile;
import twostage.spi.Parameter;
import twostage.spi.Parameter.Role;
import twostage.spi.Settings;

/**
 * {@code factor-ad}: the factor model of Section 6.2 written through the AD API ({@link FactorAd}),
 * registered with the instance options and instance files of the built-in {@code factor}
 * ({"A": d rows of k, "beta": k, "sigmaNu"}), so that {@code limit factor-ad --instance F} and
 * {@code limit factor --instance F} compute the same law, one from automatic derivatives and Monte Carlo
 * moments, the other from closed forms.
 */
public final class FactorAdStudy extends AdCaseStudy {
  /** The registered case study {@code factor-ad}. */
  public FactorAdStudy() {
    super("factor-ad",
        "The factor model (Section 6.2) written through the AD API: loss and features only, every derivative"
            + " automatic; the same instances as factor.");
  }

  @Override
  protected List<Parameter> instanceParameters() {
    return List.of(
        Parameter.integer("--k", 2, "Number of factors k of a generated instance."),
        Parameter.integer("--d", 5, "Dimension d of a generated instance (> k)."),
        Parameter.real("--sigma-nu", FactorInstance.DEFAULT_SIGMA_NU,
            "sd of nu in y = beta*'h + nu; the label noise is sigma^2 = sd^2 + beta*'(I + A*'A*)^-1 beta*."),
        Parameter.count("--instance-seed", 1, Role.INSTANCE,
            "Seed of the Gaussian A* and beta* of a generated instance (the same instance as factor's)."));
  }

  @Override
  protected DifferentiableModel model(Settings s) {
    int d = s.integer("--d");
    if (d > 200) {
      throw new IllegalArgumentException("--d must be <= 200 (q = dk automatic derivatives per sample), got " + d);
    }
    return new FactorAd(FactorCaseStudy.generated(s.integer("--k"), d, s.real("--sigma-nu"), s.count("--instance-seed")));
  }

  @Override
  protected DifferentiableModel model(InstanceFile f) {
    f.onlyFields("A", "beta", "sigmaNu");
    return new FactorAd(FactorInstance.of(f.matrix("A"), f.vector("beta"),
        f.number("sigmaNu", FactorInstance.DEFAULT_SIGMA_NU)));
  }

  @Override
  protected Map<String, Object> toFile(DifferentiableModel model, Settings settings) {
    FactorInstance inst = ((FactorAd) model).model().instance();
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("A", InstanceFile.rows(inst.a()));
    f.put("beta", InstanceFile.list(inst.beta()));
    f.put("sigmaNu", inst.sigmaNu());
    return f;
  }

  @Override
  protected Map<String, Object> describe(DifferentiableModel model, Settings settings, String source) {
    FactorInstance inst = ((FactorAd) model).model().instance();
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("source", source);
    p.put("k", inst.k());
    p.put("d", inst.d());
    p.put("sigmaNu", inst.sigmaNu());
    if (settings != null) {
      p.put("instanceSeed", settings.count("--instance-seed"));
    }
    p.put("singularValues", inst.singularValues());
    p.put("beta", inst.beta());
    p.put("parameterDimension", model.parameterDimension());
    return p;
  }
}
