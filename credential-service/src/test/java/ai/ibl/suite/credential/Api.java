package ai.ibl.suite.credential;

import static io.restassured.RestAssured.given;

import ai.ibl.emulator.PlatformEmulator;
import ai.ibl.suite.common.freshness.SyncMark;
import ai.ibl.suite.credential.assertion.AssertionReadModel;
import ai.ibl.suite.credential.assertion.BulkIssueRecord;
import ai.ibl.suite.credential.credential.CredentialReadModel;
import ai.ibl.suite.credential.credential.CredentialTerm;
import ai.ibl.suite.credential.issuer.IssuerReadModel;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;

/** Paths, seed bodies and the set-up calls the credential tests share. */
public final class Api {
  public static final String ORG = "main";
  public static final String BASE = "/api/credentials/orgs/" + ORG + "/users/ibl-admin/";
  public static final String ISSUERS = BASE + "issuers/";

  private final PlatformEmulator emulator;

  public Api(PlatformEmulator emulator) {
    this.emulator = emulator;
  }

  /**
   * Forgets the read model, as {@code emulator.reset()} forgets the Manager's state: lists are
   * counted from the read model, so rows of earlier tests would otherwise be counted.
   */
  public static void forgetReadModel() {
    QuarkusTransaction.requiringNew().run(() -> {
      CredentialTerm.deleteAll();
      CredentialReadModel.deleteAll();
      AssertionReadModel.deleteAll();
      BulkIssueRecord.deleteAll();
      IssuerReadModel.deleteAll();
      SyncMark.deleteAll();
    });
  }

  public String token(String user) {
    return emulator.tokens().tokenFor(user);
  }

  public RequestSpecification as(String user) {
    return given().auth().oauth2(token(user)).contentType(ContentType.JSON);
  }

  public static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  public static String issuerBody(String name) {
    return """
        { "name": "%s", "iconImage": "https://example.com/issuer.png", "email": "badges@example.com",
          "url": "https://example.com", "allowed_template_tags": ["name"] }
        """.formatted(name);
  }

  /** The seed's "Create Credential" body, as written, with the given issuer and name. */
  public static String credentialBody(String issuer, String name) {
    return """
        {
          "issuer": "%s",
          "name": "%s",
          "description": "Credential Description",
          "iconImage": "https://example.com/icon.jpg",
          "thumbnailImage": "https://example.com/thumbnail.jpg",
          "backgroundImage": "https://example.com/background.jpg",
          "credentialType": "MICROCREDENTIAL",
          "tags": [],
          "criteriaNarrative": "Completion criteria",
          "criteriaUrl": "https://example.com/criteria",
          "public": false,
          "metadata": {},
          "expires": {
            "duration": "months",
            "amount": 6
          },
          "courses": ["course-v1:Org+Course+Run"],
          "programs": [],
          "html_template": "<h1>Credential Template</h1>",
          "css_template": ""
        }
        """.formatted(issuer, name);
  }

  /** The seed's "Issue Credential (Single User)" body. */
  public static String issueBody(String email, String identity) {
    return """
        {
          "recipient": {
            "email": "%s",
            "identity": "%s"
          },
          "course": "course-v1:Org+Course+Run",
          "metadata": {}
        }
        """.formatted(email, identity);
  }

  public String createIssuer() {
    return as("tenant-admin").body(issuerBody(unique("Issuer"))).post(ISSUERS)
        .then().statusCode(200).extract().path("entityId");
  }

  public String createCredential(String issuer, String name) {
    return as("tenant-admin").body(credentialBody(issuer, name)).post(BASE)
        .then().statusCode(200).extract().path("entityId");
  }

  public String issue(String credential, String email, String identity) {
    return as("tenant-admin").body(issueBody(email, identity)).post(BASE + credential + "/assertions/")
        .then().statusCode(200).extract().path("entityId");
  }
}
