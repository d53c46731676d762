package twostage.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import twostage.cli.Json;

/**
 * An append-only JSON-lines file of finished results, one object per line with a string field
 * {@code "key"}. Opening an existing file loads what is there (a torn last line from an interrupted run
 * is ignored), so a rerun recomputes only the keys that are missing. Every append is flushed at once.
 */
public final class ResultStore implements Closeable {
  private final Path file;
  private final Map<String, JsonNode> done = new LinkedHashMap<>();
  private final BufferedWriter writer;

  /** Opens (creating directories and the file if needed) and loads finished results. */
  public ResultStore(Path file) {
    this.file = file;
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      if (Files.exists(file)) {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        StringBuilder valid = new StringBuilder();
        for (String line : lines) {
          if (line.isBlank()) {
            continue;
          }
          try {
            JsonNode node = Json.MAPPER.readTree(line);
            if (node != null && node.hasNonNull("key")) {
              done.put(node.get("key").asText(), node);
              valid.append(line).append('\n');
            }
          } catch (IOException torn) {
            // an interrupted write: dropped, the task will be recomputed
          }
        }
        Files.writeString(file, valid.toString(), StandardCharsets.UTF_8);
      }
      this.writer = Files.newBufferedWriter(
          file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open result file " + file, e);
    }
  }

  /** True when a result for {@code key} is stored. */
  public synchronized boolean has(String key) {
    return done.containsKey(key);
  }

  /** The stored result for {@code key}, or null. */
  public synchronized JsonNode get(String key) {
    return done.get(key);
  }

  /** All stored results, in file order. */
  public synchronized List<JsonNode> all() {
    return List.copyOf(done.values());
  }

  /** Stores a result (its {@code key} field is set) and flushes it to disk. */
  public synchronized void append(String key, ObjectNode result) {
    result.put("key", key);
    try {
      writer.write(Json.line(result));
      writer.write('\n');
      writer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to " + file, e);
    }
    done.put(key, result);
  }

  /** The file behind this store. */
  public Path file() {
    return file;
  }

  @Override
  public synchronized void close() {
    try {
      writer.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
