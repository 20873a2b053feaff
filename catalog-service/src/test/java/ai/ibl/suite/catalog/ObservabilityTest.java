package ai.ibl.suite.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import ai.ibl.emulator.PlatformEmulator;
import ai.ibl.suite.testing.InjectEmulator;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** What a platform team checks when it deploys the service: docs, health, metrics. */
@QuarkusTest
class ObservabilityTest {
  @InjectEmulator
  PlatformEmulator emulator;

  @Test
  void publishesItsOpenApiDocumentWithTheCatalogPathsAndBearerAuth() {
    given().accept("application/json").when().get("/q/openapi")
        .then().statusCode(200)
        .body("info.title", equalTo("catalog-service"))
        .body("paths.keySet()", hasItem("/api/catalog/roles"))
        .body("components.securitySchemes.bearer.type", equalTo("http"));
  }

  @Test
  void readinessReportsTheDatabaseAndTheUpstreams() {
    // One upstream call so the Manager's guard exists and shows up.
    given().auth().oauth2(emulator.tokens().tokenFor("learner")).queryParam("slug", "anything")
        .get("/api/catalog/roles/");
    given().when().get("/q/health/ready")
        .then().statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.name", hasItem("upstreams"))
        .body("checks.find { it.name == 'upstreams' }.data.manager", equalTo("closed"))
        .body("checks.name", hasItem(containsString("Database")));
  }

  @Test
  void exposesPrometheusMetricsForReadsAndUpstreamCalls() {
    given().auth().oauth2(emulator.tokens().tokenFor("learner")).queryParam("slug", "anything")
        .get("/api/catalog/roles/");
    given().when().get("/q/metrics")
        .then().statusCode(200)
        .body(containsString("http_client_requests_seconds"))
        .body(containsString("http_server_requests_seconds"));
  }

  @Test
  void unknownPathsAnswerAProblem() {
    given().auth().oauth2(emulator.tokens().tokenFor("learner")).when().get("/api/catalog/nothing-here/")
        .then().statusCode(404).contentType(containsString("application/problem+json"));
  }
}
