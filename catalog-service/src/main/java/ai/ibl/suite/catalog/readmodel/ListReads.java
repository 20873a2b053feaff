package ai.ibl.suite.catalog.readmodel;

import ai.ibl.suite.common.freshness.ReadThrough;
import ai.ibl.suite.common.freshness.SyncMark;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * List reads through the read model. A list query (entity, tenant and filters) is a scope whose
 * last confirmation upstream is its {@link SyncMark}: while fresh, the rows matching it are
 * answered from the read model; past its TTL the upstream is asked again (and the rows it answers
 * replace the ones matching locally); when the upstream cannot answer, the local rows are answered
 * marked stale. A scope never confirmed has no copy to fall back on.
 */
@ApplicationScoped
public class ListReads {
  private final ReadThrough reads;

  public ListReads(ReadThrough reads) {
    this.reads = reads;
  }

  /**
   * @param local the rows matching the query in the read model, rendered as the upstream would
   * @param fetchAndKeep asks the upstream, stores what it answers, and returns its answer
   */
  public Response read(String entity, String scope, Supplier<JsonNode> local, Supplier<JsonNode> fetchAndKeep) {
    return reads.read(entity, SyncMark.lastSync(scope), local, () -> {
          JsonNode fresh = fetchAndKeep.get();
          confirm(scope);
          return fresh;
        })
        .toResponse();
  }

  /** Records that the read model holds what the upstream has for {@code scope}, as of now. */
  public static void confirm(String scope) {
    QuarkusTransaction.requiringNew().run(() -> SyncMark.mark(scope, Instant.now()));
  }

  /** A stable scope name for a query: same entity, tenant and filters give the same name. */
  public static String scope(String entity, String tenant, Map<String, String> filters) {
    StringBuilder key = new StringBuilder(entity).append('|').append(tenant);
    new TreeMap<>(filters).forEach((k, v) -> key.append('|').append(k).append('=').append(v));
    if (key.length() <= 400) {
      return key.toString();
    }
    // Long filter values would overflow the scope column: keep a readable prefix and a digest.
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.toString().getBytes(StandardCharsets.UTF_8));
      return entity + '|' + tenant + "|#" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
