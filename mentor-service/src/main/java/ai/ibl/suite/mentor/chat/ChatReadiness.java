package ai.ibl.suite.mentor.chat;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** DOWN once the replica drains for shutdown, so no new chat is routed to it. */
@Readiness
@ApplicationScoped
class ChatReadiness implements HealthCheck {
  private final ChatDrain drain;
  private final ChatRelay relay;

  ChatReadiness(ChatDrain drain, ChatRelay relay) {
    this.drain = drain;
    this.relay = relay;
  }

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("mentor-chat").status(!drain.draining())
        .withData("running_answers", relay.runningAnswers())
        .withData("open_sockets", relay.openConversations())
        .withData("idle_upstream_sockets", relay.idleUpstreamSockets()).build();
  }
}
