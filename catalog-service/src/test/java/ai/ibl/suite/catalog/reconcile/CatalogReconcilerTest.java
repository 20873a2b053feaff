package ai.ibl.suite.catalog.reconcile;

import static ai.ibl.suite.catalog.CatalogTestSupport.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import ai.ibl.emulator.PlatformEmulator;
import ai.ibl.emulator.core.Fault;
import ai.ibl.emulator.core.Upstream;
import ai.ibl.emulator.manager.RolesDomain;
import ai.ibl.emulator.manager.SkillsDomain;
import ai.ibl.suite.catalog.CatalogTestSupport;
import ai.ibl.suite.catalog.pathway.PathwayReadModel;
import ai.ibl.suite.catalog.program.ProgramReadModel;
import ai.ibl.suite.catalog.resource.ResourceReadModel;
import ai.ibl.suite.catalog.role.RoleReadModel;
import ai.ibl.suite.catalog.skill.SkillReadModel;
import ai.ibl.suite.common.freshness.PassClaim;
import ai.ibl.suite.common.freshness.SyncMark;
import ai.ibl.suite.testing.InjectEmulator;
import ai.ibl.suite.testing.UpstreamSlate;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Changes made on the platform behind this service's back show up after a reconciliation pass. */
@QuarkusTest
@UpstreamSlate
class CatalogReconcilerTest {
  @InjectEmulator
  PlatformEmulator emulator;

  @Inject
  CatalogReconciler reconciler;

  @Inject
  PassClaim claims;

  CatalogTestSupport api;

  @BeforeEach
  void support() {
    api = new CatalogTestSupport(emulator);
  }

  private int post(String path, String body) {
    return api.as("tenant-admin").body(body).post(path).then().statusCode(200).extract().path("id");
  }

  @Test
  void listedEntitiesFollowTheManagersLists() {
    String gone = unique("prog");
    String kept = unique("prog");
    post("/api/catalog/programs/", "{\"program_id\": \"" + gone + "\", \"name\": \"Gone\"}");
    post("/api/catalog/programs/", "{\"program_id\": \"" + kept + "\", \"name\": \"Kept\"}");
    int resource = post("/api/catalog/resources/", "{\"name\": \"R\", \"url\": \"https://r.example\", \"resource_type\": \"book\"}");
    String pathway = unique("path");
    post("/api/catalog/pathways/", "{\"pathway_id\": \"" + pathway + "\", \"user_id\": 123, \"name\": \"P\", \"path\": []}");

    // Elsewhere on the platform: one program deleted, one created, the resource deleted, the pathway renamed.
    String created = unique("prog");
    api.managerDirectly().queryParam("org", "main").queryParam("program_id", gone).delete("/api/catalog/programs/").then().statusCode(200);
    api.managerDirectly().body("{\"org\": \"main\", \"program_id\": \"" + created + "\", \"name\": \"Created\", \"course_list\": []}")
        .post("/api/catalog/programs/").then().statusCode(201);
    api.managerDirectly().queryParam("id", resource).delete("/api/catalog/resources/").then().statusCode(200);
    api.managerDirectly().body("{\"pathway_id\": \"" + pathway + "\", \"user_id\": 123, \"name\": \"Renamed\", \"path\": [], \"platform_key\": \"main\"}")
        .post("/api/catalog/pathways/").then().statusCode(200);

    assertThat(reconciler.reconcile()).isZero();

    assertThat(ProgramReadModel.count("tenant = ?1 and programId = ?2", "main", gone)).isZero();
    assertThat(ProgramReadModel.count("tenant = ?1 and programId = ?2", "main", created)).isOne();
    assertThat(ResourceReadModel.<ResourceReadModel>findById((long) resource)).isNull();
    assertThat(PathwayReadModel.<PathwayReadModel>find("pathwayId", pathway).firstResult().name).isEqualTo("Renamed");

    // The read model now answers, even with the Manager down, what the Manager holds.
    api.assertServedStale(() -> api.as("learner").get("/api/catalog/programs/"))
        .body("metadata.program_id", hasItem(created))
        .body("metadata.program_id", hasItem(kept))
        .body("metadata.program_id", not(hasItem(gone)));
    api.assertServedStale(() -> api.as("learner").queryParam("platform_key", "main").get("/api/catalog/pathways/"))
        .body("find { it.pathway_id == '" + pathway + "' }.name", equalTo("Renamed"));
  }

  @Test
  void entitiesReadOneByOneAreReReadAndDeletedWhenGone() {
    String keptSlug = unique("role");
    String goneSlug = unique("role");
    int kept = post("/api/catalog/roles/", "{\"name\": \"Kept\", \"slug\": \"" + keptSlug + "\"}");
    int gone = post("/api/catalog/roles/", "{\"name\": \"Gone\", \"slug\": \"" + goneSlug + "\"}");
    int skill = api.as("tenant-admin").body("{\"name\": \"Skill\", \"slug\": \"" + unique("skill") + "\"}")
        .post("/api/catalog/skills/").then().statusCode(200).extract().path("results[0].skill_id");

    emulator.domain(RolesDomain.class).delete(gone);
    emulator.domain(SkillsDomain.class).delete(skill);

    assertThat(reconciler.reconcile()).isZero();

    assertThat(RoleReadModel.<RoleReadModel>findById((long) kept)).isNotNull();
    assertThat(RoleReadModel.<RoleReadModel>findById((long) gone)).isNull();
    assertThat(SkillReadModel.<SkillReadModel>findById((long) skill)).isNull();
  }

  @Test
  void aFailingManagerLeavesTheReadModelAsItWas() {
    String programId = unique("prog");
    post("/api/catalog/programs/", "{\"program_id\": \"" + programId + "\", \"name\": \"Kept\"}");
    emulator.fail(Upstream.MANAGER, Fault.down());
    assertThat(reconciler.reconcile()).isPositive();
    emulator.faults().clear();
    CircuitBreakerMaintenance.get().resetAll();
    assertThat(ProgramReadModel.count("tenant = ?1 and programId = ?2", "main", programId)).isOne();
    api.as("learner").queryParam("program_id", programId).get("/api/catalog/programs/")
        .then().statusCode(200).body("$", hasSize(1)).body("name", contains("Kept"));
  }

  @Test
  void oneReplicaClaimsAScheduledPassPerIntervalAndTheOthersSkipIt() throws Exception {
    String pass = unique("pass");
    assertThat(claims.claim(pass, Duration.ofMinutes(5))).as("the first replica to fire").isTrue();
    assertThat(claims.claim(pass, Duration.ofMinutes(5))).as("another replica within the interval").isFalse();
    assertThat(claims.claim(pass, Duration.ZERO)).as("once the interval has passed").isTrue();

    // Eight replicas firing at once on a pass nobody ran yet, then on one last run ten minutes ago: one wins each time.
    QuarkusTransaction.requiringNew().run(() -> SyncMark.mark("pass:" + pass, Instant.now().minus(Duration.ofMinutes(10))));
    for (String contested : List.of(unique("pass"), pass)) {
      ExecutorService replicas = Executors.newFixedThreadPool(8);
      try {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> outcomes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
          outcomes.add(replicas.submit(() -> {
            start.await();
            return claims.claim(contested, Duration.ofMinutes(5));
          }));
        }
        start.countDown();
        int won = 0;
        for (Future<Boolean> outcome : outcomes) {
          won += outcome.get(30, TimeUnit.SECONDS) ? 1 : 0;
        }
        assertThat(won).as("replicas that ran the pass").isEqualTo(1);
      } finally {
        replicas.shutdownNow();
      }
    }
  }
}
