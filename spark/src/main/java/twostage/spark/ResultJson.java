package twostage.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import twostage.experiments.GmmPointResult;

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
    ObjectNode o = MAPPER.valueToTree(r.fields());
    o.put("key", r.point().key());
    return o;
  }
}
