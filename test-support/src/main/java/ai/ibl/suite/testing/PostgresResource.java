package ai.ibl.suite.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A real PostgreSQL for a service's tests: a Testcontainers container when a Docker engine is
 * there; otherwise the server the environment names ({@code SUITE_TEST_PG_URL}, default
 * {@code jdbc:postgresql://localhost:5432/postgres}, user {@code SUITE_TEST_PG_USER} or
 * {@code postgres}), on which a fresh database named by the {@code database} init arg is created.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {
  private String database = "suite_test";
  private PostgreSQLContainer container;

  @Override
  public void init(Map<String, String> initArgs) {
    // A suffix keeps concurrent runs on one server (several checkouts, parallel CI jobs) apart.
    database = initArgs.getOrDefault("database", database) + System.getenv().getOrDefault("SUITE_TEST_DB_SUFFIX", "");
  }

  @Override
  public Map<String, String> start() {
    String explicit = System.getenv("SUITE_TEST_PG_URL");
    if (explicit == null && dockerAvailable()) {
      container = new PostgreSQLContainer("postgres:16-alpine").withDatabaseName(database);
      container.start();
      return Map.of(
          "quarkus.datasource.jdbc.url", container.getJdbcUrl(),
          "quarkus.datasource.username", container.getUsername(),
          "quarkus.datasource.password", container.getPassword());
    }
    String admin = explicit != null ? explicit : "jdbc:postgresql://localhost:5432/postgres";
    String user = System.getenv().getOrDefault("SUITE_TEST_PG_USER", "postgres");
    String password = System.getenv().getOrDefault("SUITE_TEST_PG_PASSWORD", "");
    try (Connection c = DriverManager.getConnection(admin, user, password);
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
      s.execute("CREATE DATABASE " + database);
    } catch (SQLException e) {
      throw new IllegalStateException("No PostgreSQL for tests at " + admin
          + " (set SUITE_TEST_PG_URL, or run a Docker engine for Testcontainers)", e);
    }
    String url = admin.substring(0, admin.lastIndexOf('/') + 1) + database;
    return Map.of(
        "quarkus.datasource.jdbc.url", url,
        "quarkus.datasource.username", user,
        "quarkus.datasource.password", password);
  }

  private static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  @Override
  public void stop() {
    if (container != null) {
      container.stop();
    }
  }
}
