package twostage.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import twostage.models.spectral.SpectralInstance;

/** Options that define a linear spectral instance: a JSON file or the diagonal Corollary 6.3 instance. */
public final class SpectralOptions {
  @Option(names = "--instance",
      description = "JSON file with sigmaPre, sigmaPlus, sigmaDown (d x d arrays), k, beta (k), sigma.")
  Path instance;

  @Option(names = "--k", defaultValue = "2", description = "Representation dimension k of the Corollary 6.3 instance (default: ${DEFAULT-VALUE}).")
  int k;

  @Option(names = "--d", defaultValue = "4", description = "Input dimension d of the Corollary 6.3 instance (default: ${DEFAULT-VALUE}).")
  int d;

  @Option(names = "--sigma", defaultValue = "0.5", description = "Label-noise sd of the Corollary 6.3 instance (default: ${DEFAULT-VALUE}).")
  double sigma;

  /** The instance; invalid values (including Assumption 6.1) are refused with the rule. */
  SpectralInstance instance(CommandSpec spec) {
    if (instance != null) {
      JsonNode root = InstanceFiles.read(instance);
      return new SpectralInstance(
          InstanceFiles.matrix(root, "sigmaPre", instance),
          InstanceFiles.matrix(root, "sigmaPlus", instance),
          InstanceFiles.matrix(root, "sigmaDown", instance),
          (int) InstanceFiles.number(root, "k", instance),
          InstanceFiles.vector(root, "beta", instance, true),
          InstanceFiles.number(root, "sigma", instance));
    }
    Check.atLeast(spec, "--k", k, 1);
    Check.rule(spec, d > k, "--d must be > --k, got d=" + d + ", k=" + k);
    Check.nonNegative(spec, "--sigma", sigma);
    return SpectralInstance.corollary63(k, d, sigma);
  }

  ObjectNode params(SpectralInstance inst) {
    ObjectNode p = Json.object();
    p.put("source", instance == null ? "corollary 6.3 (diagonal)" : instance.toString());
    p.put("k", inst.k());
    p.put("d", inst.dimension());
    p.put("sigma", inst.sigma());
    p.put("diagonal", inst.isDiagonal());
    p.set("beta", Json.array(inst.beta()));
    return p;
  }
}
