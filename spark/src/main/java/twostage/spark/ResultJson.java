package twostage.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import twostage.experiments.GmmPoint;
import twostage.experiments.GmmPointResult;
import twostage.stats.Estimate;

/**
 * One JSON object per {@link GmmPointResult}, with the fields of {@code twostage sweep gmm}'s
 * results.jsonl (including the point's {@code key}, last) so that the same tools read both.
 */
final class ResultJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ResultJson() {}

  /** The result as one line of JSON (no trailing newline). */
  static String line(GmmPointResult r) {
    try {
      return MAPPER.writeValueAsString(object(r));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  static ObjectNode object(GmmPointResult r) {
    GmmPoint p = r.point();
    ObjectNode o = MAPPER.createObjectNode();
    o.put("K", p.k());
    o.put("d", p.d());
    o.put("beta", p.beta());
    o.put("thetaNorm", p.thetaNorm());
    o.put("sigma", p.sigma());
    o.put("fisherSamples", p.fisherSamples());
    o.put("samples", p.samples());
    o.put("groups", p.groups());
    o.put("seed", p.seed());
    o.put("method", p.method().name().toLowerCase(Locale.ROOT));
    o.put("mean", r.mean().value());
    o.put("stdError", r.mean().stdError());
    o.put("plugInMean", r.plugInMean());
    o.put("dEff", r.dEff());
    o.put("seconds", r.seconds());
    if (r.intrinsicPart() != null) {
      estimate(o.putObject("intrinsicPart"), r.intrinsicPart());
      estimate(o.putObject("perDirection"), r.perDirection());
      o.put("multiplicity", r.multiplicity());
      ObjectNode form = o.putObject("exactForm");
      form.put("formula", "E||L||^2(d) = (a + b d)/(d + 1) at fixed K, beta");
      form.put("a", r.exactA().value());
      form.put("aStdError", r.exactA().stdError());
      form.put("b", r.exactB().value());
      form.put("bStdError", r.exactB().stdError());
      array(o.putArray("isotropicWeights"), r.isotropicWeights());
    }
    array(o.putArray("weights"), r.weights());
    o.put("key", p.key());
    return o;
  }

  private static void estimate(ObjectNode n, Estimate e) {
    n.put("mean", e.value());
    n.put("stdError", e.stdError());
  }

  private static void array(ArrayNode a, double[] values) {
    for (double v : values) {
      a.add(v);
    }
  }
}
