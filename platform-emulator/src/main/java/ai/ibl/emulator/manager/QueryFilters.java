package ai.ibl.emulator.manager;

import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Django-style query filtering for the emulated Manager lists: each given parameter narrows the
 * rows, absent ones do not. Built up per endpoint, evaluated once per row.
 */
final class QueryFilters {
  private final MultiMap query;
  private Predicate<JsonObject> where = r -> true;
  private String invalid;

  QueryFilters(MultiMap query) {
    this.query = query;
  }

  /** Exact match of a query parameter against a row field. */
  QueryFilters text(String param, String field) {
    String value = query.get(param);
    if (value != null) {
      where = where.and(r -> Objects.equals(value, r.getValue(field) == null ? null : String.valueOf(r.getValue(field))));
    }
    return this;
  }

  QueryFilters textIgnoringCase(String param, String field) {
    String value = query.get(param);
    if (value != null) {
      where = where.and(r -> value.equalsIgnoreCase(r.getString(field)));
    }
    return this;
  }

  QueryFilters number(String param, String field) {
    String value = query.get(param);
    if (value != null) {
      Long n = RolesDomain.parseLong(value);
      if (n == null) {
        invalid = param;
      } else {
        where = where.and(r -> r.getValue(field) instanceof Number v && v.longValue() == n);
      }
    }
    return this;
  }

  QueryFilters bool(String param, String field) {
    String value = query.get(param);
    if (value != null) {
      Boolean b = value.equalsIgnoreCase("true") ? Boolean.TRUE : value.equalsIgnoreCase("false") ? Boolean.FALSE : null;
      if (b == null) {
        invalid = param;
      } else {
        where = where.and(r -> b.equals(r.getBoolean(field, Boolean.TRUE)));
      }
    }
    return this;
  }

  QueryFilters custom(String param, java.util.function.BiPredicate<String, JsonObject> test) {
    String value = query.get(param);
    if (value != null) {
      where = where.and(r -> test.test(value, r));
    }
    return this;
  }

  /** The first parameter that could not be read (e.g. {@code id=seven}), or null. */
  String invalid() {
    return invalid;
  }

  Predicate<JsonObject> predicate() {
    return where;
  }
}
