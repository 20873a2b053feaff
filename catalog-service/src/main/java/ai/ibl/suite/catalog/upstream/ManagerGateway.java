package ai.ibl.suite.catalog.upstream;

import ai.ibl.suite.common.upstream.UpstreamGuard;
import ai.ibl.suite.common.upstream.UpstreamGuards;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Every call catalog-service makes to the Manager, under the Manager's guard (timeout, the
 * {@code manager} circuit breaker, bulkhead). The Manager's catalog writes are create-or-update,
 * keyed by slug or id, so repeating one is harmless: they are retried like reads. Deletes, and
 * resource saves (a resource without an id is created anew each time), are never retried.
 */
@ApplicationScoped
public class ManagerGateway {
  private final ManagerClient client;
  private final UpstreamGuard guard;

  ManagerGateway(@RestClient ManagerClient client, UpstreamGuards guards) {
    this.client = client;
    this.guard = guards.forUpstream("manager");
  }

  public JsonNode saveRole(Object body) {
    return guard.idempotent(() -> client.saveRole(body));
  }

  public JsonNode findRole(Long id, String name, String slug, String platformKey) {
    return guard.idempotent(() -> client.findRole(id, name, slug, platformKey));
  }

  /** Which of a user's lists: desired or reported, roles or skills. */
  public enum UserList { DESIRED_ROLES, REPORTED_ROLES, DESIRED_SKILLS, REPORTED_SKILLS }

  public JsonNode saveUserList(UserList list, Object body) {
    return guard.idempotent(() -> switch (list) {
      case DESIRED_ROLES -> client.saveDesiredRoles(body);
      case REPORTED_ROLES -> client.saveReportedRoles(body);
      case DESIRED_SKILLS -> client.saveDesiredSkills(body);
      case REPORTED_SKILLS -> client.saveReportedSkills(body);
    });
  }

  public JsonNode findUserList(UserList list, Long userId, String username) {
    return guard.idempotent(() -> switch (list) {
      case DESIRED_ROLES -> client.findDesiredRoles(userId, username);
      case REPORTED_ROLES -> client.findReportedRoles(userId, username);
      case DESIRED_SKILLS -> client.findDesiredSkills(userId, username);
      case REPORTED_SKILLS -> client.findReportedSkills(userId, username);
    });
  }

  public JsonNode saveSkill(Map<String, String> skill, Object body) {
    return guard.idempotent(() -> client.saveSkill(skill, body));
  }

  public JsonNode findSkills(Map<String, String> filters) {
    return guard.idempotent(() -> client.findSkills(filters));
  }

  public JsonNode saveProgram(Object body) {
    return guard.idempotent(() -> client.saveProgram(body));
  }

  public JsonNode listPrograms(Map<String, String> filters) {
    return guard.idempotent(() -> client.listPrograms(filters));
  }

  /** Deleting twice deletes nothing the second time, but the count answered would mislead: never retried. */
  public JsonNode deletePrograms(String org, String programId) {
    return guard.once(() -> client.deletePrograms(org, programId));
  }

  public JsonNode savePathway(Object body) {
    return guard.idempotent(() -> client.savePathway(body));
  }

  public JsonNode listPathways(Map<String, String> filters) {
    return guard.idempotent(() -> client.listPathways(filters));
  }

  public JsonNode deletePathways(Map<String, String> filters) {
    return guard.once(() -> client.deletePathways(filters));
  }

  /** A resource without an id is created anew on every call, so only updates (with an id) are retried. */
  public JsonNode saveResource(Map<String, String> scope, Object body, boolean update) {
    return update ? guard.idempotent(() -> client.saveResource(scope, body)) : guard.once(() -> client.saveResource(scope, body));
  }

  public JsonNode listResources(Map<String, String> filters) {
    return guard.idempotent(() -> client.listResources(filters));
  }

  public JsonNode deleteResources(Map<String, String> filters) {
    return guard.once(() -> client.deleteResources(filters));
  }

  /** Answers normally when the Manager knows the course's metadata; its 404 otherwise. */
  public void findCourseMetadata(String courseId) {
    guard.idempotent(() -> client.findCourseMetadata(courseId));
  }

  public void updateCourseMetadata(String courseId, Object body) {
    guard.idempotent(() -> client.updateCourseMetadata(courseId, body));
  }
}
