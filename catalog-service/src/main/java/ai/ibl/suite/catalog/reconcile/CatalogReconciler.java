package ai.ibl.suite.catalog.reconcile;

import ai.ibl.suite.catalog.metadata.CourseMetadataReadModel;
import ai.ibl.suite.catalog.pathway.PathwayRefresh;
import ai.ibl.suite.catalog.profile.UserListReadModel;
import ai.ibl.suite.catalog.program.ProgramRefresh;
import ai.ibl.suite.catalog.resource.ResourceRefresh;
import ai.ibl.suite.catalog.role.RoleReadModel;
import ai.ibl.suite.catalog.skill.SkillRefresh;
import ai.ibl.suite.catalog.upstream.ManagerGateway;
import ai.ibl.suite.catalog.upstream.ManagerGateway.UserList;
import ai.ibl.suite.common.freshness.PassClaim;
import ai.ibl.suite.common.upstream.UpstreamRejectedException;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.logging.Logger;

/**
 * Brings the read model back in line with the Manager, per tenant the read model has seen, so
 * changes made elsewhere on the platform show up: list-able entities (programs, pathways,
 * resources, skills) are replaced by the Manager's full lists; entities the Manager only reads one
 * at a time (roles, users' desired and reported lists, course metadata) are re-read, and local
 * copies the Manager no longer has are deleted. One failing step does not stop the others; the
 * next run tries again.
 */
@ApplicationScoped
public class CatalogReconciler {
  private static final Logger LOG = Logger.getLogger(CatalogReconciler.class);
  private static final List<String> TENANT_TABLES =
      List.of("RoleReadModel", "SkillReadModel", "ProgramReadModel", "PathwayReadModel", "ResourceReadModel",
          "UserListReadModel", "CourseMetadataReadModel");

  private final ManagerGateway manager;
  private final ProgramRefresh programs;
  private final PathwayRefresh pathways;
  private final ResourceRefresh resources;
  private final SkillRefresh skills;
  private final PassClaim claims;

  CatalogReconciler(ManagerGateway manager, ProgramRefresh programs, PathwayRefresh pathways,
      ResourceRefresh resources, SkillRefresh skills, PassClaim claims) {
    this.claims = claims;
    this.manager = manager;
    this.programs = programs;
    this.pathways = pathways;
    this.resources = resources;
    this.skills = skills;
  }

  @Scheduled(every = "${catalog.reconcile.every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      identity = "catalog-reconcile")
  void scheduled(ScheduledExecution execution) {
    // Every replica's scheduler fires; one of them runs the pass.
    if (claims.claim("catalog-reconcile", execution)) {
      reconcile();
    }
  }

  /** One full pass; returns how many steps failed (each is logged). */
  @ActivateRequestContext
  public int reconcile() {
    int failures = 0;
    for (String tenant : tenants()) {
      failures += step("programs of " + tenant, () -> programs.refreshAll(tenant));
      failures += step("pathways of " + tenant, () -> pathways.refreshAll(tenant));
      failures += step("resources of " + tenant, () -> resources.refreshAll(tenant));
      failures += step("skills of " + tenant, () -> skills.refreshAll(tenant));
    }
    failures += step("roles", this::rereadRoles);
    failures += step("desired and reported lists", this::rereadUserLists);
    failures += step("course metadata", this::rereadCourseMetadata);
    return failures;
  }

  private static Set<String> tenants() {
    Set<String> tenants = new TreeSet<>();
    for (String entity : TENANT_TABLES) {
      tenants.addAll(Panache.getEntityManager()
          .createQuery("select distinct t.tenant from " + entity + " t", String.class).getResultList());
    }
    return tenants;
  }

  // Known rows are read in a transaction of their own and kept as plain values, so no copy of a
  // row lingers in the caller's persistence context once it is deleted here.
  private record KnownRole(long id, String tenant) {}

  private record KnownList(UserList kind, String tenant, Long userId, String username) {}

  private record KnownCourse(String tenant, String courseId) {}

  private void rereadRoles() {
    List<KnownRole> known = QuarkusTransaction.requiringNew().call(() -> RoleReadModel.<RoleReadModel>listAll().stream()
        .map(r -> new KnownRole(r.id, r.tenant)).toList());
    for (KnownRole role : known) {
      try {
        RoleReadModel.keep(role.tenant(), manager.findRole(role.id(), null, null, role.tenant()));
      } catch (UpstreamRejectedException e) {
        if (e.isNotFound()) {
          QuarkusTransaction.requiringNew().run(() -> RoleReadModel.deleteById(role.id()));
        }
      }
    }
  }

  private void rereadUserLists() {
    List<KnownList> known = QuarkusTransaction.requiringNew().call(() -> UserListReadModel.<UserListReadModel>listAll().stream()
        .map(l -> new KnownList(l.kind, l.tenant, l.userId, l.username)).toList());
    for (KnownList list : known) {
      try {
        JsonNode fresh = manager.findUserList(list.kind(), list.userId(), list.userId() == null ? list.username() : null);
        UserListReadModel.keep(list.kind(), list.tenant(), fresh, list.userId(), list.username());
      } catch (UpstreamRejectedException e) {
        if (e.isNotFound()) {
          UserListReadModel.forget(list.kind(), list.tenant(), list.userId(), list.username());
        }
      }
    }
  }

  private void rereadCourseMetadata() {
    List<KnownCourse> known = QuarkusTransaction.requiringNew().call(() -> CourseMetadataReadModel.<CourseMetadataReadModel>listAll()
        .stream().map(c -> new KnownCourse(c.tenant, c.courseId)).toList());
    for (KnownCourse course : known) {
      try {
        manager.findCourseMetadata(course.courseId());
        CourseMetadataReadModel.confirmed(course.tenant(), course.courseId());
      } catch (UpstreamRejectedException e) {
        if (e.isNotFound()) {
          CourseMetadataReadModel.forget(course.tenant(), course.courseId());
        }
      }
    }
  }

  private static int step(String what, Runnable step) {
    try {
      step.run();
      return 0;
    } catch (RuntimeException e) {
      LOG.warnf("Reconciling %s failed (%s); the next run retries", what, e.getClass().getSimpleName());
      return 1;
    }
  }
}
