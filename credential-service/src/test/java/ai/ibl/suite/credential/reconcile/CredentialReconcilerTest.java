package ai.ibl.suite.credential.reconcile;

import static ai.ibl.suite.credential.Api.BASE;
import static ai.ibl.suite.credential.Api.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import ai.ibl.emulator.PlatformEmulator;
import ai.ibl.emulator.core.Fault;
import ai.ibl.emulator.core.Upstream;
import ai.ibl.suite.credential.Api;
import ai.ibl.suite.credential.credential.CredentialReadModel;
import ai.ibl.suite.testing.InjectEmulator;
import ai.ibl.suite.testing.UpstreamSlate;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Changes made on the platform behind the service's back reach its read model on the next pass. */
@QuarkusTest
@UpstreamSlate
class CredentialReconcilerTest {
  @InjectEmulator
  PlatformEmulator emulator;

  @Inject
  CredentialReconciler reconciler;

  Api api;

  @BeforeEach
  void cleanSlate() {
    Api.forgetReadModel();
    api = new Api(emulator);
  }

  private String onManager(String path) {
    return emulator.url(Upstream.MANAGER) + path;
  }

  private static String managerAuth() {
    return "Api-Token " + PlatformEmulator.DEFAULT_MANAGER_TOKEN;
  }

  private static String nameOf(String credentialId) {
    return QuarkusTransaction.requiringNew().call(() -> {
      CredentialReadModel row = CredentialReadModel.findById(credentialId);
      return row == null ? null : row.name;
    });
  }

  @Test
  void renamedAndDeletedCredentialsOnThePlatformShowUpAfterAPass() {
    String issuer = api.createIssuer();
    String renamed = api.createCredential(issuer, unique("Renamed later"));
    String deleted = api.createCredential(issuer, unique("Deleted later"));

    // Another platform client renames one credential and deletes the other, straight on the Manager.
    Map<String, Object> upstream = given().header("Authorization", managerAuth())
        .get(onManager(BASE + renamed)).then().statusCode(200).extract().as(Map.class);
    upstream.put("name", "Renamed on the platform");
    given().header("Authorization", managerAuth()).contentType("application/json").body(upstream)
        .put(onManager(BASE + renamed)).then().statusCode(200);
    given().header("Authorization", managerAuth()).delete(onManager(BASE + deleted)).then().statusCode(204);

    assertThat(reconciler.reconcile()).isZero();

    assertThat(nameOf(renamed)).isEqualTo("Renamed on the platform");
    assertThat(nameOf(deleted)).isNull();
  }

  @Test
  void aPassWhileTheManagerIsDownKeepsEveryCopyAndReportsIt() {
    String issuer = api.createIssuer();
    String credential = api.createCredential(issuer, unique("Kept"));
    String before = nameOf(credential);

    emulator.fail(Upstream.MANAGER, Fault.down());
    assertThat(reconciler.reconcile()).isGreaterThan(0);
    emulator.faults().clear();

    assertThat(nameOf(credential)).isEqualTo(before);
  }
}
