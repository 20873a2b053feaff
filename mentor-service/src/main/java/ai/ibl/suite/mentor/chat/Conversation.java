package ai.ibl.suite.mentor.chat;

import ai.ibl.suite.mentor.session.ChatTranscript;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import org.jboss.logging.Logger;

/**
 * One client socket and its upstream socket. Prompts are answered one after another, as the
 * platform's chat server does; every frame of an answer is passed on as soon as it arrives, in
 * order, verbatim (unknown fields included). All state is touched on the client socket's own
 * event-loop context only, so it needs no locks.
 *
 * <p>The outbound buffer is bounded: once {@code outbound-high-water} frames wait to be flushed to
 * the client, reading from the upstream pauses until the client catches up to
 * {@code outbound-low-water}; a client that keeps it paused for {@code slow-client-timeout} is
 * closed with 1008.
 */
final class Conversation {
  private static final Logger LOG = Logger.getLogger(Conversation.class);
  static final int TOO_SLOW = 1008;

  private final ChatRelay relay;
  private final ChatConfig config;
  private final WebSocketConnection client;
  private final Context context;
  /** The event-loop thread of {@link #context}: work arriving on it runs at once, without a hop. */
  private final Thread loop;
  private final ArrayDeque<String> inbox = new ArrayDeque<>();
  private boolean busy;
  private boolean closed;
  private WebSocket upstream;
  private Future<WebSocket> connecting;
  private Answer answer;
  private long idleTimer = -1;
  private long lastHeard;
  private ChatAuth.Verified verified;
  private int unflushed;
  private boolean paused;
  private long stallTimer = -1;
  /** While no answer runs, the timer that releases the kept upstream socket; -1 when none runs. */
  private long keepTimer = -1;
  /** Whether this conversation's idle upstream socket counts against the replica's idle cap. */
  private boolean parked;
  /** Over the idle cap: the upstream socket closes once the upstream ends its turn (typing off). */
  private boolean releaseAfterTurn;

  Conversation(ChatRelay relay, WebSocketConnection client, Context context) {
    this.relay = relay;
    this.config = relay.config();
    this.client = client;
    this.context = context;
    this.loop = context.isEventLoopContext() && Vertx.currentContext() == context ? Thread.currentThread() : null;
  }

  void receive(String text) {
    run(() -> {
      if (closed) {
        return;
      }
      inbox.add(text);
      next();
    });
  }

  void clientClosed() {
    run(() -> {
      closed = true;
      inbox.clear();
      if (answer != null) {
        finish(answer, "abandoned", null);
      }
      dropUpstream();
    });
  }

  /**
   * Closes the client's socket from the conversation's own loop, marking it closed first, so no
   * chunk is handed to the socket (or kept in the transcript) after its close frame.
   */
  Uni<Void> close(CloseReason reason) {
    return Uni.createFrom().<Void>emitter(done -> run(() -> {
      closed = true;
      if (!client.isOpen()) {
        done.complete(null);
        return;
      }
      client.close(reason).subscribe().with(ok -> done.complete(null), failure -> done.complete(null));
    }));
  }

  private boolean onLoop() {
    return Thread.currentThread() == loop || Vertx.currentContext() == context;
  }

  private void run(Runnable action) {
    if (onLoop()) {
      action.run();
    } else {
      context.runOnContext(v -> action.run());
    }
  }

  private void next() {
    if (busy || closed || inbox.isEmpty()) {
      return;
    }
    busy = true;
    admit(inbox.poll());
  }

  private void done() {
    busy = false;
    next();
  }

  /** Checks the frame and its sender, takes a slot under the limits, then sends it upstream. */
  private void admit(String text) {
    JsonObject frame;
    try {
      frame = new JsonObject(text);
    } catch (RuntimeException e) {
      refuse(new ChatRejection("The message is not valid JSON."));
      return;
    }
    if (!(frame.getValue("prompt") instanceof String prompt)) {
      refuse(new ChatRejection("The message has no prompt."));
      return;
    }
    if (!(frame.getValue("flow") instanceof JsonObject flow)) {
      refuse(new ChatRejection("The message has no flow naming the mentor and tenant."));
      return;
    }
    String tenant = text(flow.getValue("tenant"));
    String mentor = text(flow.getValue("name"));
    if (mentor == null) {
      mentor = text(frame.getValue("pathway"));
    }
    if (tenant == null || mentor == null) {
      refuse(new ChatRejection("The flow must name the mentor and the tenant."));
      return;
    }
    String sessionId = text(frame.getValue("session_id"));
    String session = sessionId != null ? sessionId : client.id();
    String token = text(frame.getValue("token"));
    boolean link = "link".equals(frame.getValue("token_type"));
    String chosenMentor = mentor;
    ChatAuth auth = relay.auth();
    Uni<Identified> who;
    if (token == null) {
      who = auth.anonymous(tenant, mentor, session).map(user -> new Identified(user, null));
    } else if (link) {
      who = auth.shareLink(tenant, mentor, token, session).map(user -> new Identified(user, null));
    } else if (verified != null && verified.stillValidFor(token, System.currentTimeMillis())) {
      // The same token as an earlier prompt on this socket, not yet expired: its signature was checked then.
      ChatLimits limits = relay.limits();
      try {
        ChatUser user = auth.user(verified.caller(), tenant);
        if (limits.answersAtOnce()) {
          // A signed-in socket's next prompt with limits in memory, the common case: admitted right
          // here, with no Uni (each subscription captures the request context) and nothing to wait for.
          send(text, prompt, session, tenant, chosenMentor, new Admitted(user, limits.acquireNow(user), null));
          return;
        }
        who = Uni.createFrom().item(new Identified(user, null));
      } catch (ChatRejection rejection) {
        refuse(rejection);
        return;
      }
    } else {
      who = auth.verify(token).map(checked -> new Identified(auth.user(checked.caller(), tenant), checked));
    }
    Uni<Admitted> admitted = who.flatMap(identified -> relay.limits().acquire(identified.user())
        .map(lease -> new Admitted(identified.user(), lease, identified.verified())));
    admitted = admitted.ifNoItem().after(config.upstreamConnectTimeout().multipliedBy(2))
        .failWith(() -> new ChatRejection("Your message could not be checked in time. Please try again."));
    admitted.subscribe().with(
        ok -> run(() -> {
          if (ok.verified() != null) {
            verified = ok.verified();
          }
          send(text, prompt, session, tenant, chosenMentor, ok);
        }),
        failure -> run(() -> refuse(failure)));
  }

  private void refuse(Throwable failure) {
    if (failure instanceof ChatRejection rejection) {
      toClient(rejection.frame());
    } else {
      LOG.warnf("A chat prompt failed before reaching the mentor: %s", failure.toString());
      toClient(ChatFrames.error("Something went wrong. Please try again."));
    }
    done();
  }

  private void send(String text, String prompt, String session, String tenant, String mentor, Admitted admitted) {
    if (closed) {
      admitted.lease().release();
      done();
      return;
    }
    Answer current = new Answer(admitted, prompt, session, tenant, mentor);
    answer = current;
    relay.answerStarted();
    upstream().onComplete(result -> run(() -> {
      if (answer != current) {
        return;
      }
      if (result.failed()) {
        LOG.debugf("The upstream chat server is unreachable: %s", result.cause().toString());
        finish(current, "failed", ChatFrames.error("The mentor is unavailable right now. Please try again shortly."));
        return;
      }
      result.result().writeTextMessage(text);
      current.sentNanos = System.nanoTime();
      heard();
    }));
  }

  private Future<WebSocket> upstream() {
    if (upstream != null) {
      unpark();
      return Future.succeededFuture(upstream);
    }
    if (connecting != null) {
      return connecting;
    }
    Promise<WebSocket> promise = Promise.promise();
    connecting = promise.future();
    // Whatever happens to the connect (queued, slow handshake), the prompt fails in bounded time.
    long guard = relay.vertx().setTimer(config.upstreamConnectTimeout().toMillis(), t -> run(() -> {
      if (promise.tryFail("upstream connect timed out")) {
        connecting = null;
      }
    }));
    relay.connectUpstream(ChatRelay.CHAT_PATH).onComplete(result -> run(() -> {
      relay.vertx().cancelTimer(guard);
      if (promise.future().isComplete()) {
        if (result.succeeded()) {
          result.result().close();
        }
        return;
      }
      connecting = null;
      if (result.failed()) {
        promise.fail(result.cause());
        return;
      }
      WebSocket ws = result.result();
      if (closed) {
        ws.close();
        promise.fail("client gone");
        return;
      }
      upstream = ws;
      ws.textMessageHandler(frame -> {
        if (onLoop()) {
          fromUpstream(ws, frame);
        } else {
          context.runOnContext(v -> fromUpstream(ws, frame));
        }
      });
      ws.closeHandler(v -> run(() -> upstreamClosed(ws)));
      ws.exceptionHandler(e -> LOG.debugf("Upstream chat socket error: %s", e.toString()));
      promise.complete(ws);
    }));
    return connecting;
  }

  private void fromUpstream(WebSocket ws, String text) {
    if (ws != upstream) {
      return;
    }
    boolean delivered = toClient(text);
    Answer current = answer;
    if (current == null) {
      if (releaseAfterTurn && UpstreamFrame.scan(text, false).typingEnded()) {
        dropUpstream();
      }
      return;
    }
    heard();
    UpstreamFrame frame = UpstreamFrame.scan(text, current.text.length() < config.maxTranscriptChars());
    if (frame.error()) {
      finish(current, frame.paymentRequired() ? "payment_required" : "failed", null);
      return;
    }
    String generation = frame.generationId();
    if (generation == null) {
      return;
    }
    if (current.generationId == null) {
      current.generationId = generation;
      relay.generations().add(generation, current);
    }
    // The transcript keeps what the client was sent: a chunk arriving after the client's socket
    // closed (a drain cutting the answer) is not part of the conversation the user saw.
    if (frame.data() != null && delivered) {
      if (!current.chunked) {
        current.chunked = true;
        relay.firstChunk(System.nanoTime() - current.sentNanos);
      }
      current.append(frame.data(), config.maxTranscriptChars());
    }
    if (frame.eos()) {
      finish(current, current.stopRequested ? "stopped" : "completed", null);
    }
  }

  private void upstreamClosed(WebSocket ws) {
    if (ws != upstream) {
      return;
    }
    upstream = null;
    unpark();
    unpause();
    if (answer != null) {
      finish(answer, "failed",
          ChatFrames.error("The mentor's connection was lost before the answer finished. Please ask again."));
    }
  }

  /**
   * The upstream was heard from (or the prompt just sent). Re-arming a timer per chunk would cost
   * more than the chunk: one timer runs per answer and, when it fires, checks the time of the last
   * frame and waits again for the rest of the timeout if the upstream has spoken since.
   */
  private void heard() {
    lastHeard = System.nanoTime();
    if (idleTimer < 0) {
      armIdle(config.upstreamIdleTimeout().toMillis());
    }
  }

  private void armIdle(long delayMillis) {
    idleTimer = relay.vertx().setTimer(Math.max(1, delayMillis), t -> run(() -> {
      idleTimer = -1;
      Answer current = answer;
      if (current == null) {
        return;
      }
      long timeout = config.upstreamIdleTimeout().toMillis();
      long silent = (System.nanoTime() - lastHeard) / 1_000_000;
      if (silent < timeout) {
        armIdle(timeout - silent);
        return;
      }
      dropUpstream();
      finish(current, "failed", ChatFrames.error("The mentor did not answer in time. Please ask again."));
    }));
  }

  private void cancelIdle() {
    if (idleTimer >= 0) {
      relay.vertx().cancelTimer(idleTimer);
      idleTimer = -1;
    }
  }

  private void dropUpstream() {
    WebSocket ws = upstream;
    upstream = null;
    unpark();
    unpause();
    if (ws != null && !ws.isClosed()) {
      ws.close();
    }
  }

  /** Ends an answer exactly once: the closing frame (if the relay writes it), slot, registry, transcript. */
  private void finish(Answer ended, String outcome, String closingFrame) {
    if (answer != ended) {
      return;
    }
    answer = null;
    cancelIdle();
    if (closingFrame != null) {
      toClient(closingFrame);
    }
    ended.admitted.lease().release();
    relay.answerEnded(outcome);
    if (ended.generationId != null) {
      relay.generations().remove(ended.generationId, ended);
    }
    ended.ended(outcome);
    if (inbox.isEmpty()) {
      park();
    }
    done();
  }

  /**
   * No answer runs: keep the upstream socket for the next prompt for {@code upstream-keep-alive},
   * unless the replica already keeps {@code max-idle-upstream-sockets} idle ones; then close it as
   * soon as the upstream has ended its turn (its typing-off frame still reaches the client), or
   * after {@code upstream-close-delay}. A client socket that is open but quiet then holds one
   * descriptor, not two, and the upstream holds nothing for it.
   */
  private void park() {
    if (upstream == null || parked || releaseAfterTurn || closed) {
      return;
    }
    long keep = config.upstreamKeepAlive().toMillis();
    if (keep > 0 && relay.parkIdleUpstream()) {
      parked = true;
    } else {
      releaseAfterTurn = true;
      keep = config.upstreamCloseDelay().toMillis();
    }
    keepTimer = relay.vertx().setTimer(Math.max(1, keep), t -> run(() -> {
      keepTimer = -1;
      if ((parked || releaseAfterTurn) && answer == null) {
        dropUpstream();
      }
    }));
  }

  private void unpark() {
    if (keepTimer >= 0) {
      relay.vertx().cancelTimer(keepTimer);
      keepTimer = -1;
    }
    if (parked) {
      parked = false;
      relay.unparkIdleUpstream();
    }
    releaseAfterTurn = false;
  }

  /** Hands a frame to the client's socket; false when the socket is already gone. */
  private boolean toClient(String frame) {
    if (closed || !client.isOpen()) {
      return false;
    }
    unflushed++;
    client.sendText(frame).subscribe().with(ok -> run(this::flushed), e -> run(this::flushed));
    if (unflushed >= config.outboundHighWater() && !paused && upstream != null) {
      paused = true;
      upstream.pause();
      stallTimer = relay.vertx().setTimer(config.slowClientTimeout().toMillis(), t -> run(this::tooSlow));
    }
    return true;
  }

  private void flushed() {
    unflushed--;
    if (paused && unflushed <= config.outboundLowWater()) {
      unpause();
    }
  }

  private void unpause() {
    if (stallTimer >= 0) {
      relay.vertx().cancelTimer(stallTimer);
      stallTimer = -1;
    }
    if (paused) {
      paused = false;
      if (upstream != null) {
        upstream.resume();
      }
    }
  }

  private void tooSlow() {
    stallTimer = -1;
    if (!paused || closed) {
      return;
    }
    LOG.infof("Closing chat socket %s: the client fell %d frames behind", client.id(), unflushed);
    client.close(new CloseReason(TOO_SLOW, "Client too slow: the answer could not be delivered"))
        .subscribe().with(x -> { }, e -> { });
    clientClosed();
  }

  private static String text(Object value) {
    return value instanceof String s && !s.isBlank() ? s : null;
  }

  private record Identified(ChatUser user, ChatAuth.Verified verified) {}

  private record Admitted(ChatUser user, ChatLimits.Lease lease, ChatAuth.Verified verified) {}

  /** One prompt's answer while it streams. */
  private final class Answer implements Generations.Running {
    final Admitted admitted;
    final String prompt;
    final String session;
    final String tenant;
    final String mentor;
    final Instant startedAt = Instant.now();
    final StringBuilder text = new StringBuilder();
    String generationId;
    long sentNanos;
    boolean chunked;
    boolean stopRequested;
    boolean ended;

    Answer(Admitted admitted, String prompt, String session, String tenant, String mentor) {
      this.admitted = admitted;
      this.prompt = prompt;
      this.session = session;
      this.tenant = tenant;
      this.mentor = mentor;
    }

    void append(String data, int max) {
      // The transcript keeps at most max characters; the client still receives every chunk.
      if (text.length() < max) {
        text.append(data, 0, Math.min(data.length(), max - text.length()));
      }
    }

    void ended(String outcome) {
      ended = true;
      if ("abandoned".equals(outcome) && generationId == null) {
        return;
      }
      relay.keep(new ChatTranscript(session, tenant, admitted.user().username(), mentor, generationId, prompt,
          text.toString(), outcome, startedAt, Instant.now()));
    }

    @Override
    public Uni<StopRequest.Outcome> stop(StopRequest request) {
      return Uni.createFrom().<StopRequest.Outcome>emitter(emitter -> run(() -> {
        if (!request.mayStop(admitted.user().username(), tenant)) {
          emitter.complete(StopRequest.Outcome.FORBIDDEN);
          return;
        }
        if (ended) {
          emitter.complete(StopRequest.Outcome.STOPPED);
          return;
        }
        stopRequested = true;
        relay.connectUpstream(ChatRelay.STOP_PATH).onComplete(result -> {
          if (result.failed()) {
            emitter.complete(StopRequest.Outcome.UNKNOWN);
            return;
          }
          WebSocket ws = result.result();
          ws.textMessageHandler(reply -> {
            ws.close();
            boolean stopped = reply.contains("\"detail\"") && reply.contains("Stopped");
            emitter.complete(stopped ? StopRequest.Outcome.STOPPED : StopRequest.Outcome.UNKNOWN);
          });
          ws.closeHandler(v -> emitter.complete(StopRequest.Outcome.UNKNOWN));
          ws.writeTextMessage(request.frame());
        });
      })).ifNoItem().after(Duration.ofMillis(config.stopTimeout().toMillis()))
          .recoverWithItem(StopRequest.Outcome.UNKNOWN);
    }
  }
}
