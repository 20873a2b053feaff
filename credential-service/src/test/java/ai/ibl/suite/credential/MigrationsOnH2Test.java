package ai.ibl.suite.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** The local run uses embedded H2 on the same migrations as PostgreSQL: they must apply there, and search stay indexed. */
class MigrationsOnH2Test {
  private static final String URL = "jdbc:h2:mem:credential-migrations;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

  @Test
  void migrationsApplyOnH2AndTermLookupsUseTheIndex() throws Exception {
    var result = Flyway.configure().dataSource(URL, "sa", "").schemas("credential").defaultSchema("credential")
        .locations("classpath:db/migration").load().migrate();
    assertThat(result.success).isTrue();
    try (Connection c = DriverManager.getConnection(URL, "sa", ""); Statement s = c.createStatement()) {
      s.execute("set schema credential");
      StringBuilder plan = new StringBuilder();
      try (ResultSet r = s.executeQuery(
          "explain select entity_id from credential_term where tenant = 'main' and term = 'w:py'")) {
        while (r.next()) {
          plan.append(r.getString(1));
        }
      }
      assertThat(plan.toString()).contains("credential_term_lookup");
    }
  }
}
