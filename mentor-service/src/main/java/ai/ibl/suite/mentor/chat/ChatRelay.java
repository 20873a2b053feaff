package ai.ibl.suite.mentor.chat;

import ai.ibl.suite.common.SuiteConfig;
import ai.ibl.suite.mentor.session.ChatTranscript;
import ai.ibl.suite.mentor.session.TranscriptStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * The chat relay: one {@link Conversation} per client socket, each with its own upstream socket to
 * the platform's chat server, frames passed on one by one as they come. Holds what conversations
 * share: the upstream WebSocket client, auth, limits, running generations, transcripts.
 */
@ApplicationScoped
public class ChatRelay {
  static final String CHAT_PATH = "/ws/langflow/";
  static final String STOP_PATH = "/ws/langflow/stop/";
  private static final Logger LOG = Logger.getLogger(ChatRelay.class);
  private static final String DEFAULT_UPSTREAM = "http://localhost:8090/asgi";

  private final Vertx vertx;
  private final ChatConfig config;
  private final ChatAuth auth;
  private final ChatLimits limits;
  private final Generations generations;
  private final TranscriptStore transcripts;
  private final WebSocketClient client;
  private final URI upstream;
  private final Map<String, Conversation> conversations = new ConcurrentHashMap<>();
  private final AtomicInteger runningAnswers = new AtomicInteger();
  private final AtomicInteger unsavedTranscripts = new AtomicInteger();
  private final AtomicInteger idleUpstreams = new AtomicInteger();
  private final Queue<ChatTranscript> toStore = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean storing = new AtomicBoolean();

  private final Map<String, Counter> outcomes;
  private final Timer firstChunk;

  ChatRelay(Vertx vertx, ChatConfig config, SuiteConfig suite, ChatAuth auth, ChatLimits limits,
      Generations generations, TranscriptStore transcripts, MeterRegistry metrics) {
    this.vertx = vertx;
    this.config = config;
    this.auth = auth;
    this.limits = limits;
    this.generations = generations;
    this.transcripts = transcripts;
    this.upstream = URI.create(suite.upstream().asgiUrl().orElse(DEFAULT_UPSTREAM));
    this.client = vertx.createWebSocketClient(new WebSocketClientOptions()
        .setMaxFrameSize(1024 * 1024).setMaxMessageSize(4 * 1024 * 1024)
        // Vert.x allows 50 sockets per host by default: one replica relays far more conversations.
        .setMaxConnections(config.maxUpstreamSockets())
        .setConnectTimeout((int) config.upstreamConnectTimeout().toMillis()));
    Gauge.builder("mentor.chat.sockets.open", conversations, Map::size)
        .description("Chat sockets open on this replica").register(metrics);
    Gauge.builder("mentor.chat.answers.running", runningAnswers, AtomicInteger::get)
        .description("Answers streaming on this replica").register(metrics);
    Gauge.builder("mentor.chat.upstream.sockets.idle", idleUpstreams, AtomicInteger::get)
        .description("Upstream sockets kept open between answers").register(metrics);
    Gauge.builder("mentor.chat.transcripts.pending", unsavedTranscripts, AtomicInteger::get)
        .description("Ended answers whose transcript is not stored yet").register(metrics);
    this.outcomes = java.util.stream.Stream.of(OUTCOMES).collect(java.util.stream.Collectors.toUnmodifiableMap(
        o -> o, o -> Counter.builder("mentor.chat.answers").tag("outcome", o)
            .description("Answers ended on this replica, by how they ended").register(metrics)));
    // A histogram, so time to first chunk can be read as percentiles across replicas.
    this.firstChunk = Timer.builder("mentor.chat.first.chunk")
        .description("From a prompt sent upstream to its first chunk of text")
        .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofSeconds(60)).register(metrics);
  }

  /** How an answer can end (the transcript's outcome). */
  static final String[] OUTCOMES = {"completed", "stopped", "failed", "payment_required", "abandoned"};

  void open(WebSocketConnection connection) {
    Context context = Vertx.currentContext() != null ? Vertx.currentContext() : vertx.getOrCreateContext();
    conversations.put(connection.id(), new Conversation(this, connection, context));
  }

  void receive(WebSocketConnection connection, String text) {
    Conversation conversation = conversations.get(connection.id());
    if (conversation != null) {
      conversation.receive(text);
    }
  }

  void closed(WebSocketConnection connection) {
    Conversation conversation = conversations.remove(connection.id());
    if (conversation != null) {
      conversation.clientClosed();
    }
  }

  /** Opens a socket to the upstream chat server at {@code path} (below its base URL). */
  Future<WebSocket> connectUpstream(String path) {
    boolean secure = "https".equals(upstream.getScheme()) || "wss".equals(upstream.getScheme());
    int port = upstream.getPort() > 0 ? upstream.getPort() : secure ? 443 : 80;
    String base = upstream.getRawPath() == null ? "" : upstream.getRawPath().replaceAll("/+$", "");
    WebSocketConnectOptions options = new WebSocketConnectOptions()
        .setHost(upstream.getHost()).setPort(port).setSsl(secure).setURI(base + path)
        .setConnectTimeout(config.upstreamConnectTimeout().toMillis())
        .setTimeout(config.upstreamConnectTimeout().toMillis());
    return client.connect(options);
  }

  void keep(ChatTranscript transcript) {
    unsavedTranscripts.incrementAndGet();
    toStore.add(transcript);
    if (storing.compareAndSet(false, true)) {
      vertx.setTimer(Math.max(1, config.transcriptBatchDelay().toMillis()), t -> storeBatch());
    }
  }

  private void storeBatch() {
    List<ChatTranscript> batch = new ArrayList<>();
    for (ChatTranscript t; (t = toStore.poll()) != null; ) {
      batch.add(t);
    }
    vertx.executeBlocking(() -> {
      transcripts.saveAll(batch);
      return null;
    }, false).onComplete(done -> {
      if (done.failed()) {
        LOG.warnf("Could not store %d chat transcripts (sessions %s): %s", batch.size(),
            batch.stream().map(ChatTranscript::sessionId).distinct().limit(5).toList(), done.cause().toString());
      }
      unsavedTranscripts.addAndGet(-batch.size());
      storing.set(false);
      if (!toStore.isEmpty() && storing.compareAndSet(false, true)) {
        vertx.setTimer(Math.max(1, config.transcriptBatchDelay().toMillis()), t -> storeBatch());
      }
    });
  }

  /** Counts an idle upstream socket kept for its conversation's next prompt; false when the replica keeps enough. */
  boolean parkIdleUpstream() {
    if (idleUpstreams.incrementAndGet() > config.maxIdleUpstreamSockets()) {
      idleUpstreams.decrementAndGet();
      return false;
    }
    return true;
  }

  void unparkIdleUpstream() {
    idleUpstreams.decrementAndGet();
  }

  /** Upstream sockets kept open while their conversation waits for its next prompt. */
  public int idleUpstreamSockets() {
    return idleUpstreams.get();
  }

  /** Answers still streaming, or ended with their transcript not yet stored: what a drain waits for. */
  int unfinishedWork() {
    return runningAnswers.get() + unsavedTranscripts.get();
  }

  /** Answers streaming on this replica now. */
  public int runningAnswers() {
    return runningAnswers.get();
  }

  public int openConversations() {
    return conversations.size();
  }

  /** Closes every client socket with {@code reason}, waiting at most {@code wait} for the close frames. */
  void closeAll(CloseReason reason, Duration wait) {
    List<Uni<Void>> closing = conversations.values().stream().map(c -> c.close(reason)).toList();
    if (closing.isEmpty()) {
      return;
    }
    try {
      Uni.join().all(closing).andCollectFailures().await().atMost(wait);
    } catch (RuntimeException e) {
      LOG.debugf("Not every chat socket closed cleanly: %s", e.toString());
    }
  }

  @PreDestroy
  void shutdown() {
    client.close();
  }

  Vertx vertx() {
    return vertx;
  }

  ChatConfig config() {
    return config;
  }

  ChatAuth auth() {
    return auth;
  }

  ChatLimits limits() {
    return limits;
  }

  Generations generations() {
    return generations;
  }

  void answerStarted() {
    runningAnswers.incrementAndGet();
  }

  void answerEnded(String outcome) {
    runningAnswers.decrementAndGet();
    Counter counter = outcomes.get(outcome);
    if (counter != null) {
      counter.increment();
    }
  }

  void firstChunk(long nanos) {
    firstChunk.record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
  }
}
