package ai.ibl.suite.mentor.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The chat benchmark (not a test): the same workloads straight to the emulated chat server and
 * through mentor-service, side by side. Run by {@code mentor-service/bench/chat-bench.sh}.
 *
 * <p>Arguments: emulator base URL, mentor-service base URL, mentor-service pid (for the shutdown
 * check), open-socket target.
 */
public final class ChatBench {
  private static final int TTFC_WARMUP = Integer.getInteger("ttfc.warmup", 20_000);
  private static final int TTFC_MEASURED = Integer.getInteger("ttfc.measured", 20_000);
  private final Vertx vertx = Vertx.vertx();
  private final WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions()
      .setMaxFrameSize(1024 * 1024).setMaxMessageSize(4 * 1024 * 1024).setMaxConnections(100_000));
  private final String token;

  private ChatBench(String token) {
    this.token = token;
  }

  public static void main(String[] args) throws Exception {
    URI emulator = URI.create(args[0]);
    URI mentor = URI.create(args[1]);
    long mentorPid = args.length > 2 ? Long.parseLong(args[2]) : -1;
    int sockets = args.length > 3 ? Integer.parseInt(args[3]) : 5000;
    // Which parts to run (comma-separated: ttfc, throughput, sockets, shutdown), all by default.
    java.util.Set<String> phases = java.util.Set.of((args.length > 4 ? args[4] : "ttfc,throughput,sockets,shutdown").split(","));
    String token = fetchToken(emulator);
    ChatBench bench = new ChatBench(token);
    String direct = "/asgi/ws/langflow/";
    String relay = "/ws/langflow/";
    try {
      if (phases.contains("ttfc")) {
        System.out.printf("== time to first chunk (%d prompts per path, 5 chunks each, direct and relayed taking turns,"
            + " after %d warm-up turns)%n", TTFC_MEASURED, TTFC_WARMUP);
        bench.firstChunk(emulator, direct, mentor, relay, TTFC_WARMUP, TTFC_MEASURED);
      }
      if (phases.contains("throughput")) {
        System.out.println("== relayed chunks per second (32 sockets, 64-byte chunks, 10 s after 3 s warm-up)");
        bench.throughput(emulator, direct, "direct ");
        bench.throughput(mentor, relay, "relayed");
      }
      if (phases.contains("sockets")) {
        System.out.println("== concurrent open sockets through mentor-service (each has answered one prompt)");
        bench.openSockets(mentor, relay, sockets);
      }
      if (mentorPid > 0 && phases.contains("shutdown")) {
        System.out.println("== shutdown while an answer streams (SIGTERM to mentor-service)");
        bench.shutdown(mentor, relay, mentorPid);
      }
    } finally {
      bench.vertx.close();
    }
  }

  private static String fetchToken(URI emulator) throws Exception {
    Vertx v = Vertx.vertx();
    try {
      HttpClient http = v.createHttpClient();
      String body = http.request(HttpMethod.GET, emulator.getPort(), emulator.getHost(), "/_emulator/token/learner")
          .compose(r -> r.send().compose(res -> res.body()))
          .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).toString();
      JsonObject json = new JsonObject(body);
      String token = json.getString("access_token", json.getString("token"));
      if (token == null) {
        throw new IllegalStateException("No token in " + body);
      }
      return token;
    } finally {
      v.close();
    }
  }

  private JsonObject prompt(String text) {
    return new JsonObject()
        .put("flow", new JsonObject().put("name", "ai-mentor").put("tenant", "main").put("username", "learner"))
        .put("session_id", "bench").put("pathway", "ai-mentor").put("token", token).put("prompt", text);
  }

  private WebSocket connect(URI base, String path) throws Exception {
    return connectAsync(base, path).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  private Future<WebSocket> connectAsync(URI base, String path) {
    return client.connect(new WebSocketConnectOptions().setHost(base.getHost()).setPort(base.getPort()).setURI(path));
  }

  /**
   * Time to first chunk, both paths in one run: a socket straight to the emulator and one through
   * mentor-service take turns, prompt by prompt, so whatever else the machine is doing at a moment
   * falls on both alike. Both JVMs are warmed up first (JIT), with the same alternation.
   */
  private void firstChunk(URI emulator, String directPath, URI mentor, String relayPath, int warmup, int measured)
      throws Exception {
    WebSocket direct = connect(emulator, directPath);
    WebSocket relayed = connect(mentor, relayPath);
    String frame = prompt("ttfc [chunks=5]").encode();
    long[] directSamples = new long[measured];
    long[] relayedSamples = new long[measured];
    long[] at = new long[measured];
    long start = 0;
    for (int i = 0; i < warmup + measured; i++) {
      if (i == warmup) {
        start = System.nanoTime();
      }
      long d = firstChunkOnce(direct, frame);
      long r = firstChunkOnce(relayed, frame);
      if (i >= warmup) {
        at[i - warmup] = System.nanoTime() - start;
        directSamples[i - warmup] = d;
        relayedSamples[i - warmup] = r;
      }
    }
    String dump = System.getProperty("ttfc.samples");
    if (dump != null) {
      // Every turn (ms since the first measured turn, direct ns, relayed ns), to see when the slow ones happen.
      StringBuilder out = new StringBuilder("at_ms,direct_ns,relayed_ns\n");
      for (int i = 0; i < measured; i++) {
        out.append(at[i] / 1_000_000).append(',').append(directSamples[i]).append(',').append(relayedSamples[i]).append('\n');
      }
      java.nio.file.Files.writeString(java.nio.file.Path.of(dump), out);
    }
    direct.close();
    relayed.close();
    Latency d = Latency.of(directSamples);
    Latency r = Latency.of(relayedSamples);
    System.out.printf(Locale.ROOT, "  direct   %s%n", d);
    System.out.printf(Locale.ROOT, "  relayed  %s%n", r);
    System.out.printf(Locale.ROOT, "  relayed minus direct: p50 %+.3f ms   p99 %+.3f ms%n", (r.p50 - d.p50) / 1e6,
        (r.p99 - d.p99) / 1e6);
  }

  /** Sends one prompt and waits for its answer to end; returns nanoseconds to the first data frame. */
  private static long firstChunkOnce(WebSocket ws, String frame) throws Exception {
    CompletableFuture<Long> done = new CompletableFuture<>();
    long[] firstAt = {0};
    long sentAt = System.nanoTime();
    ws.textMessageHandler(text -> {
      if (firstAt[0] == 0 && text.contains("\"data\"")) {
        firstAt[0] = System.nanoTime();
      }
      if (text.contains("\"isTyping\":false")) {
        done.complete(firstAt[0] - sentAt);
      } else if (text.contains("\"error\"")) {
        done.completeExceptionally(new IllegalStateException(text));
      }
    });
    ws.writeTextMessage(frame);
    return done.get(30, TimeUnit.SECONDS);
  }

  private record Latency(long p50, long p90, long p99, long p999, long max, int n) {
    static Latency of(long[] samples) {
      long[] s = samples.clone();
      java.util.Arrays.sort(s);
      return new Latency(s[s.length / 2], s[(int) (s.length * 0.9)], s[(int) (s.length * 0.99)],
          s[(int) (s.length * 0.999)], s[s.length - 1], s.length);
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "p50 %.3f ms   p90 %.3f ms   p99 %.3f ms   p99.9 %.3f ms   max %.3f ms   (n=%d)",
          p50 / 1e6, p90 / 1e6, p99 / 1e6, p999 / 1e6, max / 1e6, n);
    }
  }

  private void throughput(URI base, String path, String label) throws Exception {
    int sockets = 32;
    AtomicLong chunks = new AtomicLong();
    boolean[] running = {true};
    List<WebSocket> open = new ArrayList<>();
    JsonObject frame = prompt("flood [chunks=2000] [size=64]");
    for (int i = 0; i < sockets; i++) {
      WebSocket ws = connect(base, path);
      open.add(ws);
      ws.textMessageHandler(text -> {
        if (text.contains("\"data\"")) {
          chunks.incrementAndGet();
        } else if (text.contains("\"isTyping\":false") && running[0]) {
          ws.writeTextMessage(frame.encode());
        }
      });
      ws.writeTextMessage(frame.encode());
    }
    Thread.sleep(3_000);
    long start = chunks.get();
    long t0 = System.nanoTime();
    Thread.sleep(10_000);
    long counted = chunks.get() - start;
    double seconds = (System.nanoTime() - t0) / 1e9;
    running[0] = false;
    open.forEach(WebSocket::close);
    Thread.sleep(1_000);
    System.out.printf(Locale.ROOT, "  %s  %,.0f chunks/s%n", label, counted / seconds);
  }

  private void openSockets(URI base, String path, int target) throws Exception {
    List<WebSocket> open = Collections.synchronizedList(new ArrayList<>());
    JsonObject frame = prompt("hello [chunks=1]");
    int batch = 250;
    int failed = 0;
    for (int i = 0; i < target; i += batch) {
      List<Future<Void>> answered = new ArrayList<>();
      for (int j = i; j < Math.min(target, i + batch); j++) {
        Promise<Void> promise = Promise.promise();
        answered.add(promise.future());
        connectAsync(base, path).onFailure(promise::tryFail).onSuccess(ws -> {
          open.add(ws);
          ws.textMessageHandler(text -> {
            if (text.contains("\"isTyping\":false")) {
              promise.tryComplete();
            } else if (text.contains("\"error\"")) {
              promise.tryFail(text);
            }
          });
          ws.closeHandler(v -> promise.tryFail("closed"));
          ws.writeTextMessage(frame.encode());
        });
      }
      try {
        Future.join(answered).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
      } catch (Exception e) {
        failed += (int) answered.stream().filter(f -> !f.succeeded()).count();
        System.out.printf("  stopped adding sockets at %d (%d did not answer): %s%n", open.size(), failed, e);
        break;
      }
    }
    Thread.sleep(2_000);
    long alive = open.stream().filter(ws -> !ws.isClosed()).count();
    System.out.printf(Locale.ROOT, "  %,d client sockets open, each answered once%n", alive);
    System.out.println("  heap used now: see the script's jcmd line below");
    System.out.println("OPEN_SOCKETS_READY");
    Thread.sleep(4_000);
    open.forEach(WebSocket::close);
    Thread.sleep(2_000);
  }

  private void shutdown(URI base, String path, long pid) throws Exception {
    WebSocket ws = connect(base, path);
    CompletableFuture<Short> closed = new CompletableFuture<>();
    AtomicLong data = new AtomicLong();
    boolean[] eos = {false};
    ws.textMessageHandler(text -> {
      if (text.contains("\"data\"")) {
        data.incrementAndGet();
      }
      if (text.contains("\"eos\"")) {
        eos[0] = true;
      }
    });
    ws.closeHandler(v -> closed.complete(ws.closeStatusCode()));
    ws.writeTextMessage(prompt("long [chunks=40] [delay=50]").encode());
    Thread.sleep(300);
    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
    Short code = closed.get(60, TimeUnit.SECONDS);
    System.out.printf("  answer finished: %s (%d of 40 chunks), socket closed with %s%n", eos[0], data.get(), code);
  }
}
