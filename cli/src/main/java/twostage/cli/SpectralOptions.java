package twostage.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import twostage.models.spectral.SpectralInstance;

/**
 * The diagonal instance of Corollary 6.3 (Section 6.1): Σpre = Σdown = I_d, Σ⁺pre = diag(1, 1/2, …, 1/d),
 * β⋆ = 1_k, label noise σ.
 */
public final class SpectralOptions {
  @Option(names = "--d", required = true, description = "Dimension d of x (>= k).")
  int d;

  @Option(names = "--k", required = true, description = "Representation dimension k (>= 1).")
  int k;

  @Option(names = "--sigma", defaultValue = "1",
      description = "Label-noise standard deviation sigma (default: ${DEFAULT-VALUE}).")
  double sigma;

  void validate(CommandSpec spec) {
    Check.atLeast(spec, "--k", k, 1);
    Check.rule(spec, d >= k, "--d must be >= --k, got d=" + d + ", k=" + k);
    Check.nonNegative(spec, "--sigma", sigma);
  }

  SpectralInstance instance() {
    return SpectralInstance.corollary63(k, d, sigma);
  }

  ObjectNode params() {
    ObjectNode p = Json.object();
    p.put("instance", "corollary63");
    p.put("d", d);
    p.put("k", k);
    p.put("sigma", sigma);
    return p;
  }
}
