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
  private volatile boolean drained;

  ChatDrain(ChatRelay relay, ChatConfig config) {
    this.relay = relay;
    this.config = config;
  }

  /**
   * The drain runs at the start of the shutdown delay ({@code quarkus.shutdown.delay-enabled}),
   * before Quarkus closes the HTTP server and its sockets (by the time {@link ShutdownEvent} is
   * fired, WebSockets Next has already closed every connection with 1000).
   */
  void onShutdownDelay(@Observes io.quarkus.runtime.ShutdownDelayInitiatedEvent event) {
    drain(config.shutdownGrace());
  }

  /** Fallback when the shutdown delay is not enabled: too late for the sockets, still closes what is left. */
  void onShutdown(@Observes @Priority(1) ShutdownEvent event) {
    if (!drained) {
      drain(config.shutdownGrace());
    }
  }

  /** Stops taking sockets, waits up to {@code grace} for running answers, closes every socket with 1012. */
  void drain(Duration grace) {
    draining = true;
    long deadline = System.nanoTime() + grace.toNanos();
    while (relay.unfinishedWork() > 0 && System.nanoTime() < deadline) {
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
    drained = true;
  }

  boolean draining() {
    return draining;
  }

  /** Takes sockets again after a drain (only tests drain a replica that keeps running). */
  void reopen() {
    draining = false;
    drained = false;
  }

  @Override
  public Uni<CheckResult> perform(HttpUpgradeContext context) {
    return draining ? CheckResult.rejectUpgrade(503) : CheckResult.permitUpgrade();
  }
}
