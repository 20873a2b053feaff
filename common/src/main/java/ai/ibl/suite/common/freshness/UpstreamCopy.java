package ai.ibl.suite.common.freshness;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;

/**
 * A read-model row: the upstream's answer for one entity, kept verbatim (so reads answer exactly
 * what the platform would), the tenant it belongs to, and when it was last confirmed upstream.
 * Subclasses add the indexed columns their queries filter on.
 */
@MappedSuperclass
public abstract class UpstreamCopy extends PanacheEntityBase {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Column(name = "tenant", nullable = false, length = 255)
  public String tenant;

  /** The upstream's JSON, as it answered. */
  @Column(name = "body", nullable = false, columnDefinition = "text")
  public String body;

  @Column(name = "synced_at", nullable = false)
  public Instant syncedAt;

  public JsonNode json() {
    try {
      return JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unreadable read-model row", e);
    }
  }

  public void keep(String tenant, JsonNode upstreamAnswer, Instant at) {
    this.tenant = tenant;
    this.body = upstreamAnswer.toString();
    this.syncedAt = at;
  }
}
