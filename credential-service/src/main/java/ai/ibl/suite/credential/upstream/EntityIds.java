package ai.ibl.suite.credential.upstream;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Entity ids for what this service creates on the Manager. The Manager's schemas require the
 * client to name the entity id; an id derived from its inputs makes a repeated request
 * recognisable upstream (a duplicate id is refused) instead of creating the entity twice.
 */
public final class EntityIds {
  private EntityIds() {}

  public static String next() {
    return UUID.randomUUID().toString().replace("-", "");
  }

  /** The same parts always give the same id. */
  public static String derived(String... parts) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String part : parts) {
        sha.update(part.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      }
      return HexFormat.of().formatHex(sha.digest()).substring(0, 32);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
