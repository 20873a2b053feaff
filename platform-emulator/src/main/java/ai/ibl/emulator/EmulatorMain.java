package ai.ibl.emulator;

import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar platform-emulator.jar [--port 8090] [--host 127.0.0.1] [--public-url URL]}.
 * Environment: {@code EMULATOR_PORT}, {@code EMULATOR_HOST}, {@code EMULATOR_PUBLIC_URL}.
 */
public final class EmulatorMain {
  private EmulatorMain() {}

  public static void main(String[] args) throws InterruptedException {
    int port = Integer.parseInt(option(args, "--port", "EMULATOR_PORT", "8090"));
    String host = option(args, "--host", "EMULATOR_HOST", "127.0.0.1");
    String publicUrl = option(args, "--public-url", "EMULATOR_PUBLIC_URL", null);
    PlatformEmulator emulator = PlatformEmulator.start(host, port, publicUrl);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      emulator.close();
      stopped.countDown();
    }));
    System.out.printf("platform-emulator listening on %s%n", emulator.baseUrl());
    for (var upstream : ai.ibl.emulator.core.Upstream.values()) {
      System.out.printf("  %-7s %s%n", upstream.name().toLowerCase(), emulator.url(upstream));
    }
    System.out.printf("  oidc    %s%n", emulator.oidcIssuer());
    stopped.await();
  }

  private static String option(String[] args, String flag, String env, String fallback) {
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals(flag)) {
        return args[i + 1];
      }
    }
    String value = System.getenv(env);
    return value == null || value.isBlank() ? fallback : value;
  }
}
