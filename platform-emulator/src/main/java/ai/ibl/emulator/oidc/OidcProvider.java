package ai.ibl.emulator.oidc;

import ai.ibl.emulator.core.Replies;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * The LMS's OpenID Connect provider, as far as the suite needs it: discovery, JWKS and a token
 * endpoint for the client-credentials grant (services calling the LMS/CMS) and the password grant
 * (people, in local runs and tests). Mounted at {@code /lms/oauth2}.
 */
public final class OidcProvider {
  public static final String PATH = "/oauth2";

  private final TokenIssuer tokens;
  private final Map<String, String> clients;

  public OidcProvider(TokenIssuer tokens, Map<String, String> clients) {
    this.tokens = tokens;
    this.clients = Map.copyOf(clients);
  }

  public void mount(Router lms) {
    lms.get(PATH + "/.well-known/openid-configuration").handler(this::discovery);
    lms.get(PATH + "/jwks").handler(rc -> Replies.raw(rc, 200, tokens.jwks()));
    lms.post(PATH + "/token").handler(BodyHandler.create().setBodyLimit(64 * 1024)).handler(this::token);
  }

  private void discovery(RoutingContext rc) {
    String issuer = tokens.issuer();
    Replies.json(rc, 200, new JsonObject()
        .put("issuer", issuer)
        .put("jwks_uri", issuer + "/jwks")
        .put("token_endpoint", issuer + "/token")
        .put("authorization_endpoint", issuer + "/authorize")
        .put("grant_types_supported", new JsonArray().add("client_credentials").add("password"))
        .put("id_token_signing_alg_values_supported", new JsonArray().add("RS256"))
        .put("response_types_supported", new JsonArray().add("code"))
        .put("subject_types_supported", new JsonArray().add("public"))
        .put("token_endpoint_auth_methods_supported",
            new JsonArray().add("client_secret_basic").add("client_secret_post")));
  }

  private void token(RoutingContext rc) {
    var form = rc.request().formAttributes();
    String grant = form.get("grant_type");
    String clientId = form.get("client_id");
    String clientSecret = form.get("client_secret");
    String basic = rc.request().getHeader("Authorization");
    if (basic != null && basic.startsWith("Basic ")) {
      String[] pair = new String(Base64.getDecoder().decode(basic.substring(6)), StandardCharsets.UTF_8).split(":", 2);
      clientId = pair[0];
      clientSecret = pair.length > 1 ? pair[1] : "";
    }
    if ("client_credentials".equals(grant)) {
      if (clientId == null || !clients.getOrDefault(clientId, "\0").equals(clientSecret)) {
        Replies.json(rc, 401, new JsonObject().put("error", "invalid_client"));
        return;
      }
      issue(rc, tokens.clientToken(clientId));
    } else if ("password".equals(grant)) {
      String username = form.get("username");
      var user = username == null ? java.util.Optional.<EmulatedUser>empty() : tokens.user(username);
      if (user.isEmpty() || !user.get().password().equals(form.get("password"))) {
        Replies.json(rc, 400, new JsonObject().put("error", "invalid_grant"));
        return;
      }
      issue(rc, tokens.tokenFor(user.get(), TokenIssuer.DEFAULT_TTL));
    } else {
      Replies.json(rc, 400, new JsonObject().put("error", "unsupported_grant_type"));
    }
  }

  private static void issue(RoutingContext rc, String token) {
    Replies.json(rc, 200, new JsonObject()
        .put("access_token", token)
        .put("token_type", "Bearer")
        .put("expires_in", TokenIssuer.DEFAULT_TTL.toSeconds()));
  }
}
