package ai.ibl.suite.mentor.chat;

import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;

/** The chat socket the platform's web client ({@code useChat}) talks to; the work is in {@link ChatRelay}. */
@WebSocket(path = ChatRelay.CHAT_PATH)
public class ChatSocket {
  private final ChatRelay relay;

  ChatSocket(ChatRelay relay) {
    this.relay = relay;
  }

  @OnOpen
  Uni<Void> opened(WebSocketConnection connection) {
    relay.open(connection);
    return Uni.createFrom().voidItem();
  }

  /** On the socket's event loop, with no Uni to subscribe to per frame: the relay never blocks. */
  @OnTextMessage
  @NonBlocking
  void message(WebSocketConnection connection, String text) {
    relay.receive(connection, text);
  }

  @OnClose
  Uni<Void> closed(WebSocketConnection connection) {
    relay.closed(connection);
    return Uni.createFrom().voidItem();
  }
}
