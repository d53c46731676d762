package twostage.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import twostage.models.factor.FactorInstance;

/** Options that define a factor-model instance: a JSON file or a generated one. */
public final class FactorOptions {
  @Option(names = "--instance", description = "JSON file with A (d rows of k numbers), beta (k), sigmaNu.")
  Path instance;

  @Option(names = "--k", defaultValue = "2", description = "Number of factors k of a generated instance (default: ${DEFAULT-VALUE}).")
  int k;

  @Option(names = "--d", defaultValue = "5", description = "Dimension d of a generated instance (default: ${DEFAULT-VALUE}).")
  int d;

  @Option(names = "--sigma-nu", defaultValue = "0.5", description = "sigma_nu of a generated instance (default: ${DEFAULT-VALUE}).")
  double sigmaNu;

  @Option(names = "--instance-seed", defaultValue = "1", description = "Seed of the Gaussian A* and beta* of a generated instance (default: ${DEFAULT-VALUE}).")
  long instanceSeed;

  /** The instance; invalid values are refused with a message naming the rule. */
  FactorInstance instance(CommandSpec spec) {
    if (instance != null) {
      JsonNode root = InstanceFiles.read(instance);
      return FactorInstance.of(
          InstanceFiles.matrix(root, "A", instance),
          InstanceFiles.vector(root, "beta", instance, true),
          InstanceFiles.number(root, "sigmaNu", instance, FactorInstance.DEFAULT_SIGMA_NU));
    }
    Check.atLeast(spec, "--k", k, 1);
    Check.rule(spec, d > k, "--d must be > --k, got d=" + d + ", k=" + k);
    Check.nonNegative(spec, "--sigma-nu", sigmaNu);
    return FactorInstance.generated(k, d, instanceSeed, sigmaNu);
  }

  ObjectNode params(FactorInstance inst) {
    ObjectNode p = Json.object();
    p.put("source", instance == null ? "generated" : instance.toString());
    p.put("k", inst.k());
    p.put("d", inst.d());
    p.put("sigmaNu", inst.sigmaNu());
    if (instance == null) {
      p.put("instanceSeed", instanceSeed);
    }
    p.set("singularValues", Json.array(inst.singularValues()));
    p.set("beta", Json.array(inst.beta()));
    return p;
  }
}
