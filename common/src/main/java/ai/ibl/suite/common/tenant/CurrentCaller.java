package ai.ibl.suite.common.tenant;

import ai.ibl.suite.common.error.ProblemException;
import ai.ibl.suite.common.error.ProblemType;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashSet;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The {@link Caller} of the current request, read once from its validated bearer token. */
@RequestScoped
public class CurrentCaller {
  /** Claim names, as the platform's identity provider writes them. */
  public static final String TENANT_CLAIM = "tenant";
  public static final String TENANTS_CLAIM = "tenants";
  public static final String ROLES_CLAIM = "roles";

  private final SecurityIdentity identity;
  private Caller caller;

  public CurrentCaller(SecurityIdentity identity) {
    this.identity = identity;
  }

  public Caller get() {
    if (caller == null) {
      if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
        throw ProblemException.of(ProblemType.UNAUTHENTICATED, "A bearer token is required.");
      }
      caller = fromToken(token, identity.getRoles());
    }
    return caller;
  }

  public static Caller fromToken(JsonWebToken token, Set<String> roles) {
    String primary = text(token.getClaim(TENANT_CLAIM));
    Set<String> tenants = new LinkedHashSet<>(strings(token.getClaim(TENANTS_CLAIM)));
    if (primary != null) {
      tenants.add(primary);
    } else if (!tenants.isEmpty()) {
      primary = tenants.iterator().next();
    }
    Set<String> allRoles = new LinkedHashSet<>(roles);
    allRoles.addAll(strings(token.getClaim(ROLES_CLAIM)));
    String username = text(token.getClaim("preferred_username"));
    String userId = text(token.getClaim("user_id"));
    return new Caller(userId != null ? userId : token.getSubject(),
        username != null ? username : token.getName(), text(token.getClaim("email")), primary, tenants, allRoles);
  }

  private static String text(Object claim) {
    if (claim instanceof JsonString s) return s.getString();
    if (claim instanceof JsonNumber n) return n.toString();
    if (claim instanceof String s) return s;
    if (claim instanceof Number n) return n.toString();
    return null;
  }

  private static Set<String> strings(Object claim) {
    Set<String> values = new LinkedHashSet<>();
    if (claim instanceof JsonArray array) {
      for (JsonValue value : array) {
        if (value instanceof JsonString s) {
          values.add(s.getString());
        }
      }
    } else if (claim instanceof JsonString s) {
      values.add(s.getString());
    } else if (claim instanceof java.util.Collection<?> c) {
      c.forEach(v -> values.add(String.valueOf(v)));
    }
    return values;
  }
}
