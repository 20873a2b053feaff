package ai.ibl.suite.credential.credential;

/** The filters of the credentials list: {@code search} (name or description), {@code course}, {@code program}. */
public record CredentialQuery(String search, String course, String program) {}
