package ai.ibl.suite.credential.assertion;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The platform's assertion update: {@code revoked} and, when revoking, a {@code revocationReason}. */
public record RevokeRequest(@NotNull Boolean revoked, @Size(max = 2000) String revocationReason) {}
