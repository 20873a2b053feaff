package ai.ibl.suite.credential.credential;

import ai.ibl.suite.common.freshness.UpstreamCopy;
import ai.ibl.suite.credential.upstream.Bodies;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The local copy of the Manager's credentials (definitions), keyed by entity id, with the details
 * only this service keeps (the Manager's {@code Credential} has no field for them) and the terms
 * that search and filters look up.
 */
@Entity
@Table(name = "credential")
public class CredentialReadModel extends UpstreamCopy {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Longest word prefix kept as a search term; longer search words are cut to it. */
  static final int MAX_PREFIX = 30;
  private static final int MAX_WORDS = 300;

  @Id
  @Column(name = "entity_id", length = 255)
  public String entityId;

  @Column(length = 255)
  public String issuer;

  @Column(length = 1000)
  public String name;

  @Column(columnDefinition = "text")
  public String details;

  /** What callers are answered: the kept details, the Manager's fields over them, and {@code entityId}. */
  public ObjectNode answer() {
    ObjectNode answer = Bodies.answer(detailsJson(), json());
    answer.put("entityId", entityId);
    return answer;
  }

  public JsonNode detailsJson() {
    try {
      return details == null ? JSON.createObjectNode() : JSON.readTree(details);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("Unreadable credential details", e);
    }
  }

  /** Stores the Manager's answer; {@code details} null keeps the ones already kept. */
  @Transactional
  public static CredentialReadModel store(String tenant, JsonNode credential, JsonNode details) {
    String id = credential.path("credential_id").asText();
    CredentialReadModel row = findById(id);
    if (row == null) {
      row = new CredentialReadModel();
      row.entityId = id;
    }
    row.issuer = Bodies.textOrNull(credential, "issuer");
    row.name = Bodies.textOrNull(credential, "name");
    if (details != null) {
      row.details = details.toString();
    }
    row.keep(tenant, credential, Instant.now());
    row.persist();
    CredentialTerm.replace(id, tenant, terms(row.name, row.detailsJson()));
    return row;
  }

  @Transactional
  public static void forget(String entityId) {
    CredentialTerm.replace(entityId, null, Set.of());
    deleteById(entityId);
  }

  public static List<CredentialReadModel> page(String tenant, CredentialQuery query, int index, int size) {
    return query(tenant, query, " order by name, entityId").page(Page.of(index, size)).list();
  }

  public static long total(String tenant, CredentialQuery query) {
    return query(tenant, query, "").count();
  }

  private static PanacheQuery<CredentialReadModel> query(String tenant, CredentialQuery query, String order) {
    StringBuilder where = new StringBuilder("tenant = ?1");
    List<Object> args = new ArrayList<>(List.of(tenant));
    List<String> wanted = new ArrayList<>();
    words(query.search()).forEach(w -> wanted.add("w:" + cut(w)));
    if (query.course() != null) {
      wanted.add("c:" + query.course());
    }
    if (query.program() != null) {
      wanted.add("p:" + query.program());
    }
    for (String term : wanted) {
      args.add(term);
      where.append(" and entityId in (select t.entityId from CredentialTerm t where t.tenant = ?1 and t.term = ?")
          .append(args.size()).append(")");
    }
    return find(where + order, args.toArray());
  }

  /** Every prefix of each word of the name and description, and each course and program. */
  static Set<String> terms(String name, JsonNode details) {
    Set<String> terms = new LinkedHashSet<>();
    List<String> words = new ArrayList<>(words(name));
    words.addAll(words(details.path("description").asText(null)));
    for (String word : words.stream().distinct().limit(MAX_WORDS).toList()) {
      String w = cut(word);
      for (int i = 1; i <= w.length(); i++) {
        terms.add("w:" + w.substring(0, i));
      }
    }
    details.path("courses").forEach(c -> terms.add("c:" + c.asText()));
    details.path("programs").forEach(p -> terms.add("p:" + p.asText()));
    return terms;
  }

  static List<String> words(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    List<String> words = new ArrayList<>();
    for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (!w.isEmpty()) {
        words.add(w);
      }
    }
    return words;
  }

  private static String cut(String word) {
    return word.length() <= MAX_PREFIX ? word : word.substring(0, MAX_PREFIX);
  }
}
