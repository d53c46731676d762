package twostage.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The one JSON mapper of the command line. */
public final class Json {
  /** Shared, thread-safe mapper (pretty output, NaN written as a JSON string by Jackson's default). */
  public static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Json() {}

  /** A new empty object. */
  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** An array of numbers. */
  public static ArrayNode array(double[] values) {
    ArrayNode a = MAPPER.createArrayNode();
    for (double v : values) {
      a.add(v);
    }
    return a;
  }

  /** Pretty-printed text. */
  public static String pretty(Object node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One-line text (for JSON lines files). */
  public static String line(Object node) {
    try {
      return MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
