package ai.ibl.emulator.asgi;

import ai.ibl.emulator.core.EmulatedDomain;
import ai.ibl.emulator.core.EmulatorContext;
import ai.ibl.emulator.core.Replies;
import ai.ibl.emulator.core.Upstream;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Manager's mentor settings as far as the chat relay needs them ({@code allow_anonymous}), until
 * the emulated mentor domain serves the full settings. Every mentor exists; tests mark the ones that
 * allow anonymous chat with {@link #allowAnonymous(String, String)}.
 */
public final class MentorSettingsStub implements EmulatedDomain {
  private final Set<String> anonymous = ConcurrentHashMap.newKeySet();

  @Override
  public Upstream upstream() {
    return Upstream.MANAGER;
  }

  @Override
  public void mount(Router router, EmulatorContext context) {
    router.get("/api/ai-mentor/orgs/:org/users/:user/mentors/:mentor/settings/").handler(rc -> {
      String key = rc.pathParam("org") + "/" + rc.pathParam("mentor");
      Replies.json(rc, 200, new JsonObject()
          .put("mentor", rc.pathParam("mentor"))
          .put("mentor_slug", rc.pathParam("mentor"))
          .put("allow_anonymous", anonymous.contains(key)));
    });
  }

  public MentorSettingsStub allowAnonymous(String tenant, String mentor) {
    anonymous.add(tenant + "/" + mentor);
    return this;
  }

  @Override
  public void reset() {
    anonymous.clear();
  }
}
