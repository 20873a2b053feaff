package ai.ibl.suite.credential;

import io.smallrye.config.ConfigMapping;

/** credential-service's own settings. */
@ConfigMapping(prefix = "credential")
public interface CredentialConfig {
  /** The base URL the public reaches this service at: credential and verification URLs start with it. */
  String publicBaseUrl();

  Bulk bulk();

  interface Bulk {
    /** The most recipients one bulk issue may name. */
    int maxRecipients();
  }
}
