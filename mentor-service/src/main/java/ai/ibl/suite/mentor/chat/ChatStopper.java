package ai.ibl.suite.mentor.chat;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * Handles a stop frame: checks who asks (as for prompts), then sends the stop through the
 * {@link StopBus} to whichever replica streams the generation. Only the answer's owner, the
 * tenant's administrators, or anyone for an anonymous answer, may stop it.
 */
@ApplicationScoped
class ChatStopper {
  private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(ChatStopper.class);
  private final ChatAuth auth;
  private final StopBus bus;
  private final ChatConfig config;

  ChatStopper(ChatAuth auth, StopBus bus, ChatConfig config) {
    this.auth = auth;
    this.bus = bus;
    this.config = config;
  }

  Uni<String> stop(String text) {
    JsonObject frame;
    try {
      frame = new JsonObject(text);
    } catch (RuntimeException e) {
      return Uni.createFrom().item(ChatFrames.error("The message is not valid JSON."));
    }
    String generation = frame.getValue("generation_id") instanceof String s && !s.isBlank() ? s : null;
    if (generation == null) {
      return Uni.createFrom().item(ChatFrames.error("The message has no generation_id."));
    }
    String tenant = frame.getValue("tenant") instanceof String s && !s.isBlank() ? s : null;
    String mentor = frame.getValue("name") instanceof String s && !s.isBlank() ? s : null;
    String token = frame.getValue("token") instanceof String s ? s : null;
    boolean anonymous = token == null || token.isBlank() || "link".equals(frame.getValue("token_type"));
    if (anonymous && (tenant == null || mentor == null)) {
      return Uni.createFrom().item(ChatFrames.error("This mentor requires you to sign in."));
    }
    return auth.authenticate(token, "link".equals(frame.getValue("token_type")), tenant, mentor, generation)
        .flatMap(user -> {
          var caller = user.caller();
          List<String> adminOf = caller == null ? List.of()
              : caller.tenants().stream().filter(caller::isAdminOf).toList();
          StopRequest request = new StopRequest(UUID.randomUUID().toString(), generation, text,
              user.username(), caller != null && caller.isPlatformAdmin(), adminOf);
          return bus.stop(request);
        })
        .map(outcome -> switch (outcome) {
          case STOPPED -> ChatFrames.STOPPED;
          case FORBIDDEN -> ChatFrames.error("You may not stop this answer.");
          case UNKNOWN -> ChatFrames.error("No answer with that generation_id is running.");
        })
        .ifNoItem().after(config.stopTimeout().multipliedBy(2))
        .recoverWithItem(ChatFrames.error("The answer could not be stopped in time."))
        .onFailure(ChatRejection.class).recoverWithItem(e -> ((ChatRejection) e).frame())
        .onFailure().recoverWithItem(e -> {
          LOG.warnf("A stop request failed: %s", e.toString());
          return ChatFrames.error("The answer could not be stopped.");
        });
  }
}
