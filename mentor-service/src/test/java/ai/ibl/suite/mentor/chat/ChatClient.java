package ai.ibl.suite.mentor.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A chat client that behaves as the platform's web client ({@code useChat}): opens the socket,
 * sends prompt frames, appends chunks in order, ends an answer on {@code eos} or {@code error}.
 */
final class ChatClient implements AutoCloseable {
  private final WebSocket socket;
  private final BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
  final CompletableFuture<Short> closed = new CompletableFuture<>();
  String closeReason;

  private ChatClient(WebSocket socket) {
    this.socket = socket;
    socket.textMessageHandler(text -> frames.add(new JsonObject(text)));
    socket.closeHandler(v -> {
      closeReason = socket.closeReason();
      closed.complete(socket.closeStatusCode());
    });
  }

  /**
   * The WebSocket client the in-process tests share: one Vert.x for the test JVM, so no test class
   * starts and stops its own. (The ITs, which talk to other processes, keep their own.)
   */
  private static final WebSocketClient SHARED = Vertx.vertx().createWebSocketClient();

  static ChatClient open(int port, String path) {
    return open(SHARED, port, path);
  }

  static ChatClient open(WebSocketClient client, int port, String path) {
    return new ChatClient(connect(client, port, path));
  }

  static WebSocket connect(WebSocketClient client, int port, String path) {
    try {
      return client.connect(new WebSocketConnectOptions().setHost("localhost").setPort(port).setURI(path))
          .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("Could not open " + path, e);
    }
  }

  static JsonObject prompt(String prompt, String tenant, String mentor, String username, String token, String session) {
    JsonObject frame = new JsonObject()
        .put("flow", new JsonObject().put("name", mentor).put("tenant", tenant).put("username", username)
            .put("pathway", mentor))
        .put("session_id", session)
        .put("pathway", mentor)
        .put("prompt", prompt);
    if (token != null) {
      frame.put("token", token);
    }
    return frame;
  }

  ChatClient send(JsonObject frame) {
    return send(frame.encode());
  }

  ChatClient send(String text) {
    socket.writeTextMessage(text);
    return this;
  }

  JsonObject next() {
    return next(10_000);
  }

  JsonObject next(long millis) {
    try {
      JsonObject frame = frames.poll(millis, TimeUnit.MILLISECONDS);
      assertThat(frame).as("a frame within %d ms", millis).isNotNull();
      return frame;
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  JsonObject poll(long millis) {
    try {
      return frames.poll(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Frames up to and including the one that ends an answer ({@code eos} or {@code error}). */
  List<JsonObject> answer() {
    List<JsonObject> answer = new ArrayList<>();
    while (true) {
      JsonObject frame = next();
      answer.add(frame);
      if (frame.containsKey("error") || Boolean.TRUE.equals(frame.getValue("eos"))) {
        return answer;
      }
    }
  }

  /** The next frame that is not a typing indicator. */
  JsonObject nextContent() {
    while (true) {
      JsonObject frame = next();
      if (!"typing".equals(frame.getValue("type"))) {
        return frame;
      }
    }
  }

  void pause() {
    socket.pause();
  }

  void resume() {
    socket.resume();
  }

  boolean isClosed() {
    return socket.isClosed();
  }

  @Override
  public void close() {
    if (!socket.isClosed()) {
      socket.close();
    }
  }
}
