package ai.ibl.suite.mentor.chat;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Graceful shutdown of the chat: readiness goes DOWN (so the load balancer stops sending), new
 * sockets are refused with 503, running answers get {@code mentor.chat.shutdown-grace} to finish,
 * then every socket is closed with 1012 (service restart) so clients reconnect to another replica.
 */
@ApplicationScoped
public class ChatDrain implements HttpUpgradeCheck {
  static final int SERVICE_RESTART = 1012;
  private static final Logger LOG = Logger.getLogger(ChatDrain.class);

  private final ChatRelay relay;
  private final ChatConfig config;
  private volatile boolean draining;

  ChatDrain(ChatRelay relay, ChatConfig config) {
    this.relay = relay;
    this.config = config;
  }

  /** With {@code quarkus.shutdown.delay-enabled}, readiness goes DOWN as soon as the delay starts. */
  void onShutdownDelay(@Observes io.quarkus.runtime.ShutdownDelayInitiatedEvent event) {
    draining = true;
  }

  void onShutdown(@Observes @Priority(1) ShutdownEvent event) {
    drain(config.shutdownGrace());
  }

  /** Stops taking sockets, waits up to {@code grace} for running answers, closes every socket with 1012. */
  void drain(Duration grace) {
    draining = true;
    long deadline = System.nanoTime() + grace.toNanos();
    while (relay.runningAnswers() > 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    if (relay.runningAnswers() > 0) {
      LOG.warnf("Closing chat with %d answers still running after the %s grace period",
          relay.runningAnswers(), grace);
    }
    relay.closeAll(new CloseReason(SERVICE_RESTART, "Service restarting, reconnect"), Duration.ofSeconds(5));
  }

  boolean draining() {
    return draining;
  }

  /** Takes sockets again after a drain (only tests drain a replica that keeps running). */
  void reopen() {
    draining = false;
  }

  @Override
  public Uni<CheckResult> perform(HttpUpgradeContext context) {
    return draining ? CheckResult.rejectUpgrade(503) : CheckResult.permitUpgrade();
  }
}
