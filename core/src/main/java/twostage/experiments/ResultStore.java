package twostage.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one resumable store of every study: a directory holding the spec it was made for
 * ({@value #MANIFEST}), one JSON line per finished task ({@value #RESULTS}: the task's key and its
 * result record), and a lock ({@value #LOCK}) that one process holds while it writes.
 *
 * <ul>
 *   <li>Each result is appended and flushed the moment it is known, so a run killed at any point
 *       loses only the tasks in flight; opening the store again loads what is there and the study
 *       computes only the missing keys.
 *   <li>A directory made for another spec is refused, naming the first field that differs.
 *   <li>A second process that opens the same directory while the first holds the lock is refused (the
 *       operating system releases the lock when a process dies, even by {@code kill -9}).
 *   <li>A last line torn by an interrupted write is dropped (its task is recomputed); any other line
 *       that is not a complete record is refused with the file and the line number.
 * </ul>
 *
 * @param <R> the result record of one task
 */
public final class ResultStore<R> implements AutoCloseable {
  /** The spec the directory holds results for. */
  public static final String MANIFEST = "manifest.json";

  /** The results, one JSON line per task. */
  public static final String RESULTS = "results.jsonl";

  /** Held by the process that writes the directory. */
  public static final String LOCK = ".lock";

  private final Path dir;
  private final Class<R> type;
  private final Map<String, R> done = new LinkedHashMap<>();
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final BufferedWriter writer;
  private final int dropped;

  private ResultStore(Class<R> type) {
    this.dir = null;
    this.type = type;
    this.lockChannel = null;
    this.lock = null;
    this.writer = null;
    this.dropped = 0;
  }

  private ResultStore(Path dir, Class<R> type, JsonNode spec) {
    this.dir = dir;
    this.type = type;
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw unusable(dir, e);
    }
    FileChannel channel = null;
    FileLock held = null;
    try {
      channel = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      try {
        held = channel.tryLock();
      } catch (OverlappingFileLockException sameProcess) {
        held = null;
      }
      if (held == null) {
        channel.close();
        throw new StoreBusyException("--out " + dir + " is being written by another twostage run (it holds "
            + dir.resolve(LOCK) + "); wait for it to finish, or choose another --out");
      }
      channel.truncate(0);
      channel.write(java.nio.ByteBuffer.wrap(
          (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)));
      this.lockChannel = channel;
      this.lock = held;
      checkManifest(spec);
      this.dropped = load();
      this.writer = Files.newBufferedWriter(dir.resolve(RESULTS), StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      release(channel, held);
      throw unusable(dir, e);
    } catch (RuntimeException e) {
      release(channel, held);
      throw e;
    }
  }

  /**
   * Opens (or creates) the store of {@code dir} for {@code spec}.
   *
   * @param spec the study's spec (any value with a JSON form); written as the manifest of a new
   *     directory, compared with the manifest of an existing one
   * @throws IllegalArgumentException when the directory cannot be used, holds results of another
   *     spec, is corrupt, or is held by another process ({@link StoreBusyException})
   */
  public static <R> ResultStore<R> open(Path dir, Object spec, Class<R> type) {
    try {
      // through text, so that number types match what is read back from the file
      return new ResultStore<>(dir, type, Records.MAPPER.readTree(Records.line(spec)));
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the spec as JSON", e);
    }
  }

  /**
   * A manifest from key–value pairs, in order: what a study fixes for its directory (the parts that may
   * grow, such as more values, sizes or replicates, are left out so that a rerun can extend the results).
   */
  public static Map<String, Object> manifest(Object... keyValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put((String) keyValues[i], keyValues[i + 1]);
    }
    return m;
  }

  /** A store that keeps results in memory only (for runs without an output directory). */
  public static <R> ResultStore<R> memory(Class<R> type) {
    return new ResultStore<>(type);
  }

  /** The directory (null for a store in memory). */
  public Path dir() {
    return dir;
  }

  /** The type of the results. */
  public Class<R> type() {
    return type;
  }

  /** Lines dropped when the store was opened (a torn last line: 0 or 1). */
  public int dropped() {
    return dropped;
  }

  /** True when a result for {@code key} is stored. */
  public synchronized boolean has(String key) {
    return done.containsKey(key);
  }

  /** The stored result for {@code key}, or null. */
  public synchronized R get(String key) {
    return done.get(key);
  }

  /** Number of stored results. */
  public synchronized int size() {
    return done.size();
  }

  /** Stores a result and flushes it to the file. */
  public synchronized void append(String key, R result) {
    if (writer == null) {
      done.put(key, result);
      return;
    }
    ObjectNode line = Records.MAPPER.createObjectNode();
    line.put("key", key);
    line.setAll((ObjectNode) Records.tree(result));
    try {
      writer.write(Records.line(line));
      writer.write('\n');
      writer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to " + dir.resolve(RESULTS), e);
    }
    done.put(key, result);
  }

  @Override
  public synchronized void close() {
    if (writer == null) {
      return;
    }
    try {
      writer.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close " + dir.resolve(RESULTS), e);
    } finally {
      release(lockChannel, lock);
    }
  }

  private void checkManifest(JsonNode spec) throws IOException {
    Path file = dir.resolve(MANIFEST);
    Path results = dir.resolve(RESULTS);
    if (Files.exists(file)) {
      JsonNode old;
      try {
        old = Records.MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
      } catch (IOException torn) {
        old = null;
      }
      if (old == null || old.isMissingNode() || !old.isObject()) {
        if (Files.exists(results) && Files.size(results) > 0) {
          throw new IllegalArgumentException(file + " is not a valid manifest (torn or edited?) and "
              + results + " holds results: delete " + dir + " to start afresh, or restore the manifest");
        }
      } else {
        if (!old.equals(spec)) {
          throw new IllegalArgumentException("--out " + dir + " holds results of another specification ("
              + difference("", old, spec) + "); choose another --out, or delete it");
        }
        return;
      }
    }
    Path tmp = dir.resolve(MANIFEST + ".tmp");
    Files.writeString(tmp, Records.pretty(spec) + "\n", StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private int load() throws IOException {
    Path file = dir.resolve(RESULTS);
    if (!Files.exists(file)) {
      return 0;
    }
    String text = Files.readString(file, StandardCharsets.UTF_8);
    String[] lines = text.split("\n", -1);
    boolean endsClean = text.isEmpty() || text.endsWith("\n");
    int last = lines.length - 1;
    while (last >= 0 && lines[last].isBlank()) {
      last--;
    }
    int dropped = 0;
    StringBuilder kept = new StringBuilder();
    for (int i = 0; i <= last; i++) {
      String line = lines[i];
      if (line.isBlank()) {
        continue;
      }
      JsonNode node;
      try {
        node = Records.MAPPER.readTree(line);
      } catch (IOException e) {
        if (i == last && !endsClean) {
          dropped++;
          continue;
        }
        throw corrupt(file, i, "not valid JSON");
      }
      if (!(node instanceof ObjectNode obj) || !obj.path("key").isTextual()) {
        throw corrupt(file, i, "no \"key\" field");
      }
      String key = obj.remove("key").asText();
      R value;
      try {
        value = Records.read(obj, type);
      } catch (IllegalArgumentException e) {
        throw corrupt(file, i, "not a complete " + type.getSimpleName() + " (" + e.getMessage().lines().findFirst().orElse("") + ")");
      }
      done.put(key, value);
      kept.append(line).append('\n');
    }
    if (dropped > 0) {
      Files.writeString(file, kept.toString(), StandardCharsets.UTF_8);
    }
    return dropped;
  }

  private static IllegalArgumentException corrupt(Path file, int index, String what) {
    return new IllegalArgumentException(file + " line " + (index + 1) + ": " + what
        + "; delete that line to recompute its task (or the directory to start afresh)");
  }

  private static String difference(String prefix, JsonNode old, JsonNode now) {
    if (old.isObject() && now.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> it = now.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode was = old.get(e.getKey());
        if (was == null) {
          return prefix + e.getKey() + " absent there, " + abbreviate(e.getValue()) + " now";
        }
        if (!was.equals(e.getValue())) {
          return difference(prefix + e.getKey() + ".", was, e.getValue());
        }
      }
      List<String> gone = new ArrayList<>();
      old.fieldNames().forEachRemaining(n -> {
        if (!now.has(n)) {
          gone.add(n);
        }
      });
      return gone.isEmpty() ? prefix + "(order)" : prefix + gone.get(0) + " there, absent now";
    }
    String name = prefix.endsWith(".") ? prefix.substring(0, prefix.length() - 1) : prefix;
    return name + "=" + abbreviate(old) + " there, " + abbreviate(now) + " now";
  }

  private static String abbreviate(JsonNode n) {
    String s = n.toString();
    return s.length() > 60 ? s.substring(0, 57) + "..." : s;
  }

  private static IllegalArgumentException unusable(Path dir, IOException e) {
    String why = e instanceof AccessDeniedException ? "permission denied"
        : e instanceof java.nio.file.FileAlreadyExistsException ? "a file of that name exists"
        : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    return new IllegalArgumentException("--out " + dir + " cannot be used as an output directory (" + why + ")", e);
  }

  private static void release(FileChannel channel, FileLock held) {
    try {
      if (held != null && held.isValid()) {
        held.release();
      }
      if (channel != null) {
        channel.close();
      }
    } catch (IOException ignored) {
      // the lock goes with the process
    }
  }

  /** The directory is held by another run. */
  public static final class StoreBusyException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    StoreBusyException(String message) {
      super(message);
    }
  }
}
