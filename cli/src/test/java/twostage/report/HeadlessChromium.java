package twostage.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A headless Chromium driven through the Chrome DevTools Protocol over the JDK's WebSocket client: it
 * opens a page, collects what the page reports as an error (console errors, uncaught exceptions,
 * failed loads), evaluates JavaScript and takes full-page screenshots. Test support only.
 */
final class HeadlessChromium implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
  private static final long TIMEOUT_SECONDS = 30;

  /** The flags of a headless run on a closed network (no background connections, a fresh profile). */
  static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
      "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
      "--hide-scrollbars", "--remote-allow-origins=*", "--remote-debugging-port=0");

  private final Process process;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final List<JsonNode> events = new ArrayList<>();

  private HeadlessChromium(Process process, WebSocket socket) {
    this.process = process;
    this.socket = socket;
  }

  /**
   * The Chromium executable: {@code $TWOSTAGE_CHROMIUM}, else {@code chromium} or
   * {@code chromium-browser} on the PATH.
   */
  static Optional<Path> find() {
    String env = System.getenv("TWOSTAGE_CHROMIUM");
    if (env != null && !env.isBlank()) {
      return Optional.of(Path.of(env)).filter(Files::isExecutable);
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      for (String name : new String[] {"chromium", "chromium-browser"}) {
        Path p = Path.of(dir.isEmpty() ? "." : dir, name);
        if (Files.isExecutable(p)) {
          return Optional.of(p);
        }
      }
    }
    return Optional.empty();
  }

  /** Starts {@code executable} headless with a fresh profile in {@code profile}. */
  static HeadlessChromium start(Path executable, Path profile) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(executable.toString());
    cmd.addAll(FLAGS);
    cmd.add("--user-data-dir=" + profile);
    cmd.add("about:blank");
    Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    CompletableFuture<String> endpoint = new CompletableFuture<>();
    Thread drain = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          Matcher m = LISTENING.matcher(line);
          if (m.find()) {
            endpoint.complete(m.group(1));
          }
        }
      } catch (IOException e) {
        endpoint.completeExceptionally(e);
      }
      endpoint.completeExceptionally(new IOException("chromium closed its standard error before listening"));
    }, "chromium-stderr");
    drain.setDaemon(true);
    drain.start();
    String url;
    try {
      url = endpoint.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      p.destroyForcibly();
      throw new IOException("chromium did not open its DevTools endpoint: " + e, e);
    }
    Listener listener = new Listener();
    WebSocket ws;
    try {
      ws = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(url), listener)
          .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      p.destroyForcibly();
      throw new IOException("cannot connect to " + url + ": " + e, e);
    }
    HeadlessChromium c = new HeadlessChromium(p, ws);
    listener.owner = c;
    return c;
  }

  /** One tab, attached with its own DevTools session. */
  final class Page {
    private final String session;

    private Page(String session) {
      this.session = session;
    }

    /** Loads {@code url} and waits for its load event (images included). */
    void navigate(String url) throws IOException {
      int before = eventCount();
      call("Page.navigate", Map.of("url", url));
      awaitEvent("Page.loadEventFired", before);
    }

    /** The value of a JavaScript expression (JSON-serialisable). */
    JsonNode evaluate(String expression) throws IOException {
      JsonNode r = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
      if (r.has("exceptionDetails")) {
        throw new IOException("page script failed: " + r.get("exceptionDetails"));
      }
      return r.path("result").path("value");
    }

    /** What the page reported as errors since it was opened. */
    List<String> errors() {
      List<String> out = new ArrayList<>();
      synchronized (events) {
        for (JsonNode e : events) {
          if (!session.equals(e.path("sessionId").asText())) {
            continue;
          }
          JsonNode p = e.path("params");
          switch (e.path("method").asText()) {
            case "Runtime.consoleAPICalled" -> {
              String type = p.path("type").asText();
              if (type.equals("error") || type.equals("assert")) {
                out.add("console." + type + ": " + p.path("args"));
              }
            }
            case "Runtime.exceptionThrown" -> out.add("exception: " + p.path("exceptionDetails"));
            case "Log.entryAdded" -> {
              if (p.path("entry").path("level").asText().equals("error")) {
                out.add("log: " + p.path("entry").path("text").asText() + " " + p.path("entry").path("url").asText());
              }
            }
            case "Network.loadingFailed" -> out.add("load failed: " + p.path("errorText").asText());
            default -> { }
          }
        }
      }
      return out;
    }

    /** A PNG of the whole page at {@code width} CSS pixels. */
    void screenshot(Path file, int width) throws IOException {
      call("Emulation.setDeviceMetricsOverride",
          Map.of("width", width, "height", 800, "deviceScaleFactor", 1, "mobile", false));
      double height = call("Page.getLayoutMetrics", Map.of()).path("cssContentSize").path("height").asDouble();
      call("Emulation.setDeviceMetricsOverride",
          Map.of("width", width, "height", (int) Math.ceil(height), "deviceScaleFactor", 1, "mobile", false));
      JsonNode shot = call("Page.captureScreenshot", Map.of("format", "png"));
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.write(file, Base64.getDecoder().decode(shot.path("data").asText()));
    }

    private JsonNode call(String method, Map<String, Object> params) throws IOException {
      return send(method, params, session);
    }

    private void awaitEvent(String method, int after) throws IOException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
      synchronized (events) {
        while (true) {
          for (int i = after; i < events.size(); i++) {
            JsonNode e = events.get(i);
            if (method.equals(e.path("method").asText()) && session.equals(e.path("sessionId").asText())) {
              return;
            }
          }
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            throw new IOException("no " + method + " within " + TIMEOUT_SECONDS + " s");
          }
          try {
            events.wait(TimeUnit.NANOSECONDS.toMillis(left) + 1);
          } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", ex);
          }
        }
      }
    }
  }

  /** Opens a new tab with its error reports (console, exceptions, log, network) switched on. */
  Page newPage() throws IOException {
    String target = send("Target.createTarget", Map.of("url", "about:blank"), null).path("targetId").asText();
    String session = send("Target.attachToTarget", Map.of("targetId", target, "flatten", true), null)
        .path("sessionId").asText();
    for (String domain : new String[] {"Page", "Runtime", "Log", "Network"}) {
      send(domain + ".enable", Map.of(), session);
    }
    return new Page(session);
  }

  private int eventCount() {
    synchronized (events) {
      return events.size();
    }
  }

  private JsonNode send(String method, Map<String, Object> params, String session) throws IOException {
    int id = ids.incrementAndGet();
    ObjectNode msg = JSON.createObjectNode();
    msg.put("id", id);
    msg.put("method", method);
    msg.set("params", JSON.valueToTree(params));
    if (session != null) {
      msg.put("sessionId", session);
    }
    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    pending.put(id, reply);
    try {
      socket.sendText(msg.toString(), true).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      JsonNode r = reply.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      if (r.has("error")) {
        throw new IOException(method + ": " + r.get("error"));
      }
      return r.path("result");
    } catch (ExecutionException | TimeoutException e) {
      throw new IOException(method + " got no answer: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } finally {
      pending.remove(id);
    }
  }

  private void receive(String text) {
    JsonNode msg;
    try {
      msg = JSON.readTree(text);
    } catch (IOException e) {
      return;
    }
    if (msg.has("id")) {
      CompletableFuture<JsonNode> f = pending.get(msg.get("id").asInt());
      if (f != null) {
        f.complete(msg);
      }
    } else {
      synchronized (events) {
        events.add(msg);
        events.notifyAll();
      }
    }
  }

  /** Joins the frames of each message and hands it over. */
  private static final class Listener implements WebSocket.Listener {
    private final StringBuilder parts = new StringBuilder();
    volatile HeadlessChromium owner;

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      parts.append(data);
      if (last) {
        String text = parts.toString();
        parts.setLength(0);
        if (owner != null) {
          owner.receive(text);
        }
      }
      ws.request(1);
      return null;
    }
  }

  /** Closes the browser (and kills it if it does not exit within five seconds). */
  @Override
  public void close() throws InterruptedException {
    ObjectNode msg = JSON.createObjectNode().put("id", ids.incrementAndGet()).put("method", "Browser.close");
    try {
      socket.sendText(msg.toString(), true).get(5, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      // not answering: killed below
    }
    socket.abort();
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(5, TimeUnit.SECONDS);
    }
  }
}
