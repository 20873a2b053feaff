package ai.ibl.suite.credential;

import io.smallrye.config.ConfigMapping;

/** credential-service's own settings. */
@ConfigMapping(prefix = "credential")
public interface CredentialConfig {
  /** The base URL the public reaches this service at: credential and verification URLs start with it. */
  String publicBaseUrl();

  Bulk bulk();

  Reconcile reconcile();

  interface Reconcile {
    /** How often the read model is re-read from the Manager ({@code off} to disable). */
    String every();

    /** The user the Manager's {@code users/{user_id}/} paths name when no caller is involved. */
    String actingUser();
  }

  interface Bulk {
    /** The most recipients one bulk issue may name. */
    int maxRecipients();
  }
}
