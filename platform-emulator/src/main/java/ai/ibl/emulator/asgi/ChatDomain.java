package ai.ibl.emulator.asgi;

import ai.ibl.emulator.core.EmulatedDomain;
import ai.ibl.emulator.core.EmulatorContext;
import ai.ibl.emulator.core.Upstream;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ASGI chat server: {@code /ws/langflow/} streams an answer per prompt frame as the platform's
 * web client expects it (typing, generation id, chunks, eos, typing off), and
 * {@code /ws/langflow/stop/} stops a running generation. Tests steer it through the Java API
 * ({@link #chunks(int)}, {@link #chunkDelayMillis(long)}, {@link #failNext(ChatFailure)}); a
 * benchmark or a manual session steers it from the prompt itself, e.g.
 * {@code "hello [chunks=200] [delay=5] [size=40] [fail=drop]"}.
 */
public final class ChatDomain implements EmulatedDomain {
  public static final String CHAT_PATH = "/ws/langflow/";
  public static final String STOP_PATH = "/ws/langflow/stop/";
  private static final Pattern KNOB = Pattern.compile("\\[(chunks|delay|size|fail)=([A-Za-z0-9]+)]");

  /**
   * What tests look at, the first frames since the last reset only: a benchmark sends hundreds of
   * thousands of prompts, and recording them all (or copying on write) made the emulator itself the
   * slowest part of the measurement.
   */
  private static final int RECORDED = 10_000;
  private final List<JsonObject> prompts = new ArrayList<>();
  private final List<JsonObject> stops = new ArrayList<>();
  private final Map<String, Generation> running = new ConcurrentHashMap<>();
  private final Queue<ChatFailure> failures = new java.util.concurrent.ConcurrentLinkedQueue<>();
  private final AtomicInteger openSockets = new AtomicInteger();
  private final AtomicInteger acceptedSockets = new AtomicInteger();
  private volatile int chunks = 5;
  private volatile long chunkDelayMillis = 0;
  private volatile int chunkSize = 0;
  private Vertx vertx;

  @Override
  public Upstream upstream() {
    return Upstream.ASGI;
  }

  @Override
  public void mount(Router router, EmulatorContext context) {
    this.vertx = context.vertx();
    router.route(CHAT_PATH).handler(rc -> upgrade(rc, this::chat));
    router.route(STOP_PATH).handler(rc -> upgrade(rc, this::stop));
  }

  @Override
  public void reset() {
    synchronized (prompts) {
      prompts.clear();
    }
    synchronized (stops) {
      stops.clear();
    }
    acceptedSockets.set(0);
    failures.clear();
    chunks = 5;
    chunkDelayMillis = 0;
    chunkSize = 0;
  }

  /** The text of chunk {@code i} (from 0) of every answer, so tests can check order and completeness. */
  public static String chunkText(int i) {
    return "c" + i + " ";
  }

  /** How many data chunks each answer has (default 5). */
  public ChatDomain chunks(int count) {
    this.chunks = count;
    return this;
  }

  /** The pause between two chunks (default none). */
  public ChatDomain chunkDelayMillis(long millis) {
    this.chunkDelayMillis = millis;
    return this;
  }

  /** Fails the next prompt as given; several calls queue several failures. */
  public ChatDomain failNext(ChatFailure failure) {
    failures.add(failure);
    return this;
  }

  /** Every prompt frame received, exactly as sent, oldest first. */
  public List<JsonObject> prompts() {
    synchronized (prompts) {
      return List.copyOf(prompts);
    }
  }

  /** Every stop frame received, exactly as sent. */
  public List<JsonObject> stops() {
    synchronized (stops) {
      return List.copyOf(stops);
    }
  }

  /** Generations streaming right now. */
  public int running() {
    return running.size();
  }

  /** Chat and stop sockets open now. */
  public int openSockets() {
    return openSockets.get();
  }

  /** Chat and stop sockets accepted since the last reset. */
  public int acceptedSockets() {
    return acceptedSockets.get();
  }

  private void upgrade(RoutingContext rc, java.util.function.Consumer<ServerWebSocket> then) {
    rc.request().toWebSocket().onSuccess(ws -> {
      openSockets.incrementAndGet();
      acceptedSockets.incrementAndGet();
      ws.closeHandler(v -> {
        openSockets.decrementAndGet();
        // A generation waiting for a full socket to drain would otherwise never end.
        running.values().removeIf(g -> g.ws == ws);
      });
      then.accept(ws);
    }).onFailure(e -> {
      if (!rc.response().ended()) {
        rc.response().setStatusCode(400).end();
      }
    });
  }

  private void chat(ServerWebSocket ws) {
    // Prompts on one socket are answered one after another, as the real server does.
    Queue<JsonObject> queue = new ArrayDeque<>();
    boolean[] busy = {false};
    Runnable[] pump = new Runnable[1];
    pump[0] = () -> {
      if (busy[0] || queue.isEmpty() || ws.isClosed()) {
        return;
      }
      busy[0] = true;
      answer(ws, queue.poll(), () -> {
        busy[0] = false;
        pump[0].run();
      });
    };
    ws.textMessageHandler(text -> {
      JsonObject frame;
      try {
        frame = new JsonObject(text);
      } catch (DecodeException | ClassCastException e) {
        ws.writeTextMessage(new JsonObject().put("error", "Invalid JSON").encode());
        return;
      }
      record(prompts, frame);
      queue.add(frame);
      pump[0].run();
    });
  }

  private void answer(ServerWebSocket ws, JsonObject frame, Runnable done) {
    String prompt = frame.getValue("prompt") instanceof String s ? s : null;
    if (prompt == null || !(frame.getValue("flow") instanceof JsonObject)) {
      send(ws, new JsonObject().put("error", "A prompt and a flow are required."));
      done.run();
      return;
    }
    int count = chunks;
    long delay = chunkDelayMillis;
    int size = chunkSize;
    ChatFailure failure = failures.poll();
    Matcher knobs = KNOB.matcher(prompt);
    while (knobs.find()) {
      String value = knobs.group(2);
      switch (knobs.group(1)) {
        case "chunks" -> count = Integer.parseInt(value);
        case "delay" -> delay = Long.parseLong(value);
        case "size" -> size = Integer.parseInt(value);
        case "fail" -> failure = ChatFailure.parse(value);
        default -> { }
      }
    }
    if (failure == null) {
      failure = ChatFailure.NONE;
    }
    // Fields a test asks to see echoed on every frame of the answer: checks the relay passes unknown fields back.
    JsonObject echo = frame.getValue("emulator_echo") instanceof JsonObject o ? o : new JsonObject();
    send(ws, echo.copy().put("type", "typing").put("isTyping", true));
    switch (failure) {
      case ERROR -> {
        send(ws, echo.copy().put("error", "The mentor could not answer this prompt."));
        send(ws, echo.copy().put("type", "typing").put("isTyping", false));
        done.run();
        return;
      }
      case PAYMENT_REQUIRED -> {
        send(ws, echo.copy().put("error", "Your organization has run out of credits.").put("status_code", 402));
        send(ws, echo.copy().put("type", "typing").put("isTyping", false));
        done.run();
        return;
      }
      default -> { }
    }
    Generation generation = new Generation(UUID.randomUUID().toString(), ws, count, delay, size, failure, echo, done);
    running.put(generation.id, generation);
    send(ws, echo.copy().put("generation_id", generation.id));
    generation.next();
  }

  private void stop(ServerWebSocket ws) {
    ws.textMessageHandler(text -> {
      JsonObject frame;
      try {
        frame = new JsonObject(text);
      } catch (DecodeException | ClassCastException e) {
        send(ws, new JsonObject().put("error", "Invalid JSON"));
        return;
      }
      record(stops, frame);
      Generation generation = running.get(String.valueOf(frame.getValue("generation_id")));
      if (generation == null) {
        send(ws, new JsonObject().put("error", "No running generation with that id."));
        return;
      }
      generation.stopped = true;
      send(ws, new JsonObject().put("detail", "Stopped"));
    });
  }

  private static void record(List<JsonObject> log, JsonObject frame) {
    synchronized (log) {
      if (log.size() < RECORDED) {
        log.add(frame.copy());
      }
    }
  }

  private static void send(ServerWebSocket ws, JsonObject frame) {
    if (!ws.isClosed()) {
      ws.writeTextMessage(frame.encode());
    }
  }

  private final class Generation {
    final String id;
    final ServerWebSocket ws;
    final int count;
    final long delay;
    final int size;
    final ChatFailure failure;
    final JsonObject echo;
    final Runnable done;
    volatile boolean stopped;
    int sent;

    Generation(String id, ServerWebSocket ws, int count, long delay, int size, ChatFailure failure, JsonObject echo,
        Runnable done) {
      this.echo = echo;
      this.id = id;
      this.ws = ws;
      this.count = count;
      this.delay = delay;
      this.size = size;
      this.failure = failure;
      this.done = done;
    }

    void next() {
      if (ws.isClosed()) {
        running.remove(id);
        return;
      }
      if (stopped || sent >= count) {
        finish();
        return;
      }
      if (failure == ChatFailure.HANG) {
        running.remove(id);
        return;
      }
      if (failure == ChatFailure.DROP && sent >= count / 2) {
        running.remove(id);
        ws.close();
        return;
      }
      if (ws.writeQueueFull()) {
        ws.drainHandler(v -> {
          ws.drainHandler(null);
          next();
        });
        return;
      }
      String text = chunkText(sent);
      if (size > text.length()) {
        text = text + "x".repeat(size - text.length());
      }
      send(ws, echo.copy().put("generation_id", id).put("data", text));
      sent++;
      if (delay > 0) {
        vertx.setTimer(delay, t -> next());
      } else {
        vertx.runOnContext(v -> next());
      }
    }

    void finish() {
      running.remove(id);
      send(ws, echo.copy().put("generation_id", id).put("eos", true));
      send(ws, echo.copy().put("type", "typing").put("isTyping", false));
      done.run();
    }
  }
}
