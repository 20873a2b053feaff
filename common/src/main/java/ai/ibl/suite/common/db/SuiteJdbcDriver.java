package ai.ibl.suite.common.db;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * Lets one build of a service run on either database its JDBC URL names: PostgreSQL in
 * production and tests, embedded H2 (in PostgreSQL mode, on the same migrations) for the local
 * run. Quarkus fixes the datasource's driver at build time, so the choice is made here, per URL.
 */
// Agroal instantiates the configured driver by name, which a native image must be told about.
@io.quarkus.runtime.annotations.RegisterForReflection
public final class SuiteJdbcDriver implements Driver {
  private static final Driver POSTGRES = new org.postgresql.Driver();
  private static final Driver H2 = new org.h2.Driver();

  private static Driver forUrl(String url) throws SQLException {
    if (url == null) {
      throw new SQLException("No JDBC URL configured");
    }
    if (url.startsWith("jdbc:postgresql:")) {
      return POSTGRES;
    }
    if (url.startsWith("jdbc:h2:")) {
      return H2;
    }
    throw new SQLException("Unsupported JDBC URL: use jdbc:postgresql: or jdbc:h2:");
  }

  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    return forUrl(url).connect(url, info);
  }

  @Override
  public boolean acceptsURL(String url) {
    return url != null && (url.startsWith("jdbc:postgresql:") || url.startsWith("jdbc:h2:"));
  }

  @Override
  public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
    return forUrl(url).getPropertyInfo(url, info);
  }

  @Override
  public int getMajorVersion() {
    return 1;
  }

  @Override
  public int getMinorVersion() {
    return 0;
  }

  @Override
  public boolean jdbcCompliant() {
    return false;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }
}
