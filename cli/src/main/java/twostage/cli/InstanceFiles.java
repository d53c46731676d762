package twostage.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads instance files (JSON) with errors that name the file, the field and the rule. */
public final class InstanceFiles {
  private InstanceFiles() {}

  /** Parses the file as a JSON object. */
  public static JsonNode read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("--instance: file " + file + " does not exist");
    }
    try {
      JsonNode node = Json.MAPPER.readTree(file.toFile());
      if (node == null || !node.isObject()) {
        throw new IllegalArgumentException("--instance: " + file + " must hold a JSON object");
      }
      return node;
    } catch (IOException e) {
      throw new IllegalArgumentException("--instance: " + file + " is not valid JSON: "
          + e.getMessage().lines().findFirst().orElse(""));
    }
  }

  /** A required matrix field (array of equal-length number arrays). */
  public static double[][] matrix(JsonNode root, String field, Path file) {
    JsonNode a = required(root, field, file);
    if (!a.isArray() || a.isEmpty()) {
      throw new IllegalArgumentException(where(file, field) + " must be a non-empty array of rows");
    }
    double[][] out = new double[a.size()][];
    for (int i = 0; i < a.size(); i++) {
      out[i] = vector(a.get(i), field + "[" + i + "]", file);
      if (out[i].length != out[0].length) {
        throw new IllegalArgumentException(where(file, field) + ": all rows must have the same length");
      }
    }
    return out;
  }

  /** A required vector field. */
  public static double[] vector(JsonNode root, String field, Path file, boolean isField) {
    return vector(required(root, field, file), field, file);
  }

  /** A required number field. */
  public static double number(JsonNode root, String field, Path file) {
    JsonNode v = required(root, field, file);
    if (!v.isNumber()) {
      throw new IllegalArgumentException(where(file, field) + " must be a number");
    }
    return v.asDouble();
  }

  /** An optional number field. */
  public static double number(JsonNode root, String field, Path file, double fallback) {
    return root.has(field) ? number(root, field, file) : fallback;
  }

  private static double[] vector(JsonNode a, String field, Path file) {
    if (!a.isArray()) {
      throw new IllegalArgumentException(where(file, field) + " must be an array of numbers");
    }
    double[] out = new double[a.size()];
    for (int i = 0; i < a.size(); i++) {
      if (!a.get(i).isNumber()) {
        throw new IllegalArgumentException(where(file, field) + "[" + i + "] must be a number");
      }
      out[i] = a.get(i).asDouble();
    }
    return out;
  }

  private static JsonNode required(JsonNode root, String field, Path file) {
    if (!root.has(field)) {
      throw new IllegalArgumentException(where(file, field) + " is required");
    }
    return root.get(field);
  }

  private static String where(Path file, String field) {
    return "--instance " + file + ": field '" + field + "'";
  }
}
