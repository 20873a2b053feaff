package ai.ibl.suite.mentor.mentor;

import ai.ibl.suite.common.freshness.ReadThrough;
import ai.ibl.suite.common.upstream.UpstreamRejectedException;
import ai.ibl.suite.mentor.upstream.ManagerGateway;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The mentors' share links (the Manager's {@code sharable-link}), as the chat relay checks a
 * share-link token: the mentor's link must exist, be enabled, and carry that token (compared in
 * constant time). Copies are kept in memory and read through common's {@link ReadThrough} like
 * every other upstream copy ({@code suite.freshness.ttl.mentor_share_link}): a link disabled on
 * the Manager stops working within the TTL, and the last copy serves while the Manager cannot
 * answer. One entry per mentor that exists (callers name the mentor, the directory vouches for it).
 *
 * <p>Blocking (Manager calls): call it from a worker thread, never the event loop.
 */
@ApplicationScoped
public class ShareLinks {
  static final String ENTITY = "mentor_share_link";

  /** A mentor's link as last confirmed; no link at all is kept as a disabled one. */
  private record Link(byte[] token, boolean enabled, Instant syncedAt) {}

  private final ManagerGateway manager;
  private final MentorUpstreamConfig config;
  private final ReadThrough reads;
  private final Map<String, Link> links = new ConcurrentHashMap<>();

  ShareLinks(ManagerGateway manager, MentorUpstreamConfig config, ReadThrough reads) {
    this.manager = manager;
    this.config = config;
    this.reads = reads;
  }

  /** Whether {@code token} is the enabled share link of {@code mentorSlug} in {@code tenant}. */
  public boolean admits(String tenant, String mentorSlug, String token) {
    String key = tenant + "/" + mentorSlug;
    Link kept = links.get(key);
    Link link = reads.read(ENTITY, kept == null ? null : kept.syncedAt(), () -> kept, () -> {
      Link fresh = fetch(tenant, mentorSlug);
      links.put(key, fresh);
      return fresh;
    }).value();
    return link.enabled() && MessageDigest.isEqual(link.token(), token.getBytes(StandardCharsets.UTF_8));
  }

  private Link fetch(String tenant, String mentorSlug) {
    try {
      JsonNode link = manager.sharableLink(tenant, config.actingUser(), mentorSlug);
      return new Link(link.path("token").asText("").getBytes(StandardCharsets.UTF_8),
          link.path("enabled").asBoolean(false), Instant.now());
    } catch (UpstreamRejectedException e) {
      if (e.isNotFound()) {
        return new Link(new byte[0], false, Instant.now());
      }
      throw e;
    }
  }
}
