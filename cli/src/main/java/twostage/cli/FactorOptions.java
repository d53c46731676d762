package twostage.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import twostage.models.factor.FactorInstance;

/**
 * Options that define a factor-model instance (Section 6.2): Gaussian A⋆ and β⋆ from a seed, or A⋆ with
 * prescribed singular values and β⋆'s coordinates γ in the right singular basis.
 */
public final class FactorOptions {
  @Option(names = "--d", required = true, description = "Dimension d of x (>= k).")
  int d;

  @Option(names = "--k", required = true, description = "Number of factors k (>= 1).")
  int k;

  @Option(names = "--sigma-nu", defaultValue = "0.5",
      description = "Label-noise standard deviation sigma_nu (default: ${DEFAULT-VALUE}).")
  double sigmaNu;

  @Option(names = "--instance-seed", defaultValue = "11",
      description = "Seed of the Gaussian A* and beta* (default: ${DEFAULT-VALUE}).")
  long instanceSeed;

  @Option(names = "--singular-values", split = ",",
      description = "Singular values of A* (k numbers > 0); A* = U diag(s) R^T with random U, R.")
  double[] singularValues;

  @Option(names = "--gamma", split = ",",
      description = "beta* = R gamma (k numbers; with --singular-values; default all ones).")
  double[] gamma;

  void validate(CommandSpec spec) {
    Check.atLeast(spec, "--k", k, 1);
    Check.rule(spec, d >= k, "--d must be >= --k, got d=" + d + ", k=" + k);
    Check.nonNegative(spec, "--sigma-nu", sigmaNu);
    if (singularValues != null) {
      Check.rule(spec, singularValues.length == k,
          "--singular-values must have k=" + k + " entries, got " + singularValues.length);
      for (double s : singularValues) {
        Check.positive(spec, "--singular-values", s);
      }
    }
    if (gamma != null) {
      Check.rule(spec, singularValues != null, "--gamma needs --singular-values");
      Check.rule(spec, gamma.length == k, "--gamma must have k=" + k + " entries, got " + gamma.length);
    }
  }

  FactorInstance instance() {
    if (singularValues == null) {
      return FactorInstance.generated(k, d, instanceSeed, sigmaNu);
    }
    double[] g = gamma;
    if (g == null) {
      g = new double[k];
      java.util.Arrays.fill(g, 1.0);
    }
    return FactorInstance.fromSingularValues(d, singularValues, g, sigmaNu, instanceSeed);
  }

  ObjectNode params() {
    ObjectNode p = Json.object();
    p.put("d", d);
    p.put("k", k);
    p.put("sigmaNu", sigmaNu);
    p.put("instanceSeed", instanceSeed);
    if (singularValues != null) {
      p.set("singularValues", Json.array(singularValues));
    }
    if (gamma != null) {
      p.set("gamma", Json.array(gamma));
    }
    return p;
  }
}
