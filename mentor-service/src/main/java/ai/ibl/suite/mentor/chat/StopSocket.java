package ai.ibl.suite.mentor.chat;

import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.smallrye.mutiny.Uni;

/** The stop socket: one frame naming a generation, answered {@code {"detail": "Stopped"}} once it is stopped. */
@WebSocket(path = ChatRelay.STOP_PATH)
public class StopSocket {
  private final ChatStopper stopper;

  StopSocket(ChatStopper stopper) {
    this.stopper = stopper;
  }

  @OnTextMessage
  Uni<String> stop(String text) {
    return stopper.stop(text);
  }
}
