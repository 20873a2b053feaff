package ai.ibl.emulator.core;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/** An emulated upstream table: rows by numeric id, in id order, as the platform's database keeps them. */
public final class Table {
  private final Map<Long, JsonObject> rows = new ConcurrentSkipListMap<>();
  private final AtomicLong ids = new AtomicLong();

  public synchronized JsonObject insert(JsonObject row) {
    long id = ids.incrementAndGet();
    row.put("id", id);
    rows.put(id, row);
    return row.copy();
  }

  public synchronized JsonObject replace(long id, JsonObject row) {
    row.put("id", id);
    rows.put(id, row);
    return row.copy();
  }

  public Optional<JsonObject> get(long id) {
    JsonObject row = rows.get(id);
    return Optional.ofNullable(row).map(JsonObject::copy);
  }

  public Optional<JsonObject> first(Predicate<JsonObject> where) {
    return rows.values().stream().filter(where).findFirst().map(JsonObject::copy);
  }

  public List<JsonObject> where(Predicate<JsonObject> where) {
    List<JsonObject> found = new ArrayList<>();
    for (JsonObject row : rows.values()) {
      if (where.test(row)) {
        found.add(row.copy());
      }
    }
    return found;
  }

  public Collection<JsonObject> all() {
    return where(r -> true);
  }

  public synchronized boolean delete(long id) {
    return rows.remove(id) != null;
  }

  public synchronized int deleteWhere(Predicate<JsonObject> where) {
    List<Long> doomed = rows.entrySet().stream().filter(e -> where.test(e.getValue())).map(Map.Entry::getKey).toList();
    doomed.forEach(rows::remove);
    return doomed.size();
  }

  /** Forgets every row; ids keep counting, as a database sequence would. */
  public synchronized void clear() {
    rows.clear();
  }
}
