package ai.ibl.suite.catalog.readmodel;

import java.util.ArrayList;
import java.util.List;

/** A Panache query built from the filters a caller gave; absent filters do not narrow it. */
public final class Where {
  private final StringBuilder clause;
  private final List<Object> args = new ArrayList<>();

  public Where(String tenant) {
    args.add(tenant);
    clause = new StringBuilder("tenant = ?1");
  }

  /** Adds {@code condition}, with {@code ?} standing for {@code value}, when the value is given. */
  public Where and(String condition, Object value) {
    if (value != null) {
      args.add(value);
      clause.append(" and ").append(condition.replace("?", "?" + args.size()));
    }
    return this;
  }

  /** Adds a condition that makes the query match nothing (filters that contradict each other). */
  public Where never() {
    clause.append(" and 1 = 0");
    return this;
  }

  public String query(String orderBy) {
    return clause + " order by " + orderBy;
  }

  public Object[] args() {
    return args.toArray();
  }
}
