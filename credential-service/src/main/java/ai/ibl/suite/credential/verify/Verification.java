package ai.ibl.suite.credential.verify;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a verifier is told about an issued credential. {@code valid} is true when it is neither
 * revoked nor expired.
 */
public record Verification(
    String assertion,
    boolean valid,
    boolean revoked,
    String revocationReason,
    String issuedOn,
    String expires,
    boolean expired,
    Recipient recipient,
    Credential credential,
    Issuer issuer) {

  /** Open Badges 2.0's identity object: {@code identity} is {@code sha256$} + hex(sha256(email + salt)). */
  public record Recipient(String type, boolean hashed, String salt, String identity) {}

  public record Credential(String entityId, String name, String description, String credentialType,
      String criteriaUrl, String criteriaNarrative, String iconImage) {}

  public record Issuer(String entityId, String name, String url, String iconImage,
      @JsonProperty("email") String email) {}
}
