package ai.ibl.suite.mentor.mentor;

import ai.ibl.suite.common.SuiteConfig;
import ai.ibl.suite.common.upstream.UpstreamRejectedException;
import ai.ibl.suite.mentor.upstream.ManagerGateway;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The mentors' share links (the Manager's {@code sharable-link}), as the chat relay checks a
 * share-link token: the mentor's link must exist, be enabled, and carry that token (compared in
 * constant time). A link is kept in memory for the mentor's freshness TTL, so a link disabled on
 * the Manager stops working within it; while the Manager cannot answer, the last copy is used.
 * One entry per mentor that exists (callers name the mentor, the directory vouches for it).
 *
 * <p>Blocking (Manager calls): call it from a worker thread, never the event loop.
 */
@ApplicationScoped
public class ShareLinks {
  private record Link(byte[] token, boolean enabled, Instant fetchedAt) {}

  private final ManagerGateway manager;
  private final MentorUpstreamConfig config;
  private final Duration ttl;
  private final Map<String, Link> links = new ConcurrentHashMap<>();

  ShareLinks(ManagerGateway manager, MentorUpstreamConfig config, SuiteConfig suite) {
    this.manager = manager;
    this.config = config;
    this.ttl = suite.freshness().ttlOf("mentor");
  }

  /** Whether {@code token} is the enabled share link of {@code mentorSlug} in {@code tenant}. */
  public boolean admits(String tenant, String mentorSlug, String token) {
    String key = tenant + "/" + mentorSlug;
    Link link = links.get(key);
    if (link == null || link.fetchedAt().plus(ttl).isBefore(Instant.now())) {
      try {
        link = fetch(tenant, mentorSlug);
        links.put(key, link);
      } catch (RuntimeException unavailable) {
        if (link == null) {
          throw unavailable;
        }
      }
    }
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
