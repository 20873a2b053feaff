package ai.ibl.suite.catalog.profile;

import ai.ibl.suite.catalog.upstream.ManagerGateway.UserList;
import ai.ibl.suite.common.freshness.UpstreamCopy;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;

/** The local copy of one user's desired or reported roles or skills, as the Manager answered them. */
@Entity
@Table(name = "user_list")
public class UserListReadModel extends UpstreamCopy {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Enumerated(EnumType.STRING)
  @Column(name = "kind", nullable = false, length = 32)
  public UserList kind;

  @Column(name = "user_id")
  public Long userId;

  @Column(length = 255)
  public String username;

  /** Stores what the Manager answered for a user's list; the request's names fill what the answer leaves out. */
  @Transactional
  public static UserListReadModel keep(UserList kind, String tenant, JsonNode answer, Long userId, String username) {
    Long id = answer.hasNonNull("user_id") ? Long.valueOf(answer.get("user_id").asLong()) : userId;
    String name = answer.hasNonNull("username") ? answer.get("username").asText() : username;
    UserListReadModel row = match(kind, tenant, id, name).orElseGet(UserListReadModel::new);
    row.kind = kind;
    row.userId = id;
    row.username = name;
    row.keep(tenant, answer, Instant.now());
    row.persist();
    return row;
  }

  /** A user's list, by user_id when given, else by username. */
  public static Optional<UserListReadModel> match(UserList kind, String tenant, Long userId, String username) {
    return userId != null
        ? find("kind = ?1 and tenant = ?2 and userId = ?3", kind, tenant, userId).firstResultOptional()
        : find("kind = ?1 and tenant = ?2 and username = ?3", kind, tenant, username).firstResultOptional();
  }

  @Transactional
  public static void forget(UserList kind, String tenant, Long userId, String username) {
    match(kind, tenant, userId, username).ifPresent(UserListReadModel::delete);
  }
}
