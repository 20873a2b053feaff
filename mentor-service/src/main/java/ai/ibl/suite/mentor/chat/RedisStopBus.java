package ai.ibl.suite.mentor.chat;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.pubsub.ReactivePubSubCommands;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * {@link StopBus} across replicas: a stop request is published on a Redis channel every replica
 * listens to; the one streaming the generation stops it upstream and publishes the outcome on a
 * reply channel, where the asking replica waits for it. Nobody answering within the stop timeout
 * means no replica streams that generation any more.
 */
final class RedisStopBus implements StopBus {
  private static final Logger LOG = Logger.getLogger(RedisStopBus.class);

  private final Generations generations;
  private final ReactivePubSubCommands<String> pubsub;
  private final String requests;
  private final String replies;
  private final Duration timeout;
  private final Map<String, java.util.function.Consumer<StopRequest.Outcome>> waiting = new ConcurrentHashMap<>();
  private final List<ReactivePubSubCommands.ReactiveRedisSubscriber> subscribers =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  RedisStopBus(Generations generations, ReactiveRedisDataSource redis, String prefix, Duration timeout) {
    this.generations = generations;
    this.pubsub = redis.pubsub(String.class);
    this.requests = prefix + ":stop";
    this.replies = prefix + ":stopped";
    this.timeout = timeout;
    // Never waited for: this may run on an event loop.
    pubsub.subscribe(requests, this::onRequest).subscribe().with(subscribers::add,
        e -> LOG.errorf("Could not listen for stop requests on %s: %s", requests, e.toString()));
    pubsub.subscribe(replies, this::onReply).subscribe().with(subscribers::add,
        e -> LOG.errorf("Could not listen for stop replies on %s: %s", replies, e.toString()));
  }

  @Override
  public Uni<StopRequest.Outcome> stop(StopRequest request) {
    Uni<StopRequest.Outcome> here = generations.stopIfHere(request);
    if (here != null) {
      return here;
    }
    return Uni.createFrom().<StopRequest.Outcome>emitter(emitter -> {
          waiting.put(request.id(), emitter::complete);
          emitter.onTermination(() -> waiting.remove(request.id()));
          pubsub.publish(requests, encode(request)).subscribe().with(x -> { }, emitter::fail);
        })
        .ifNoItem().after(timeout).recoverWithItem(StopRequest.Outcome.UNKNOWN);
  }

  void close() {
    subscribers.forEach(s -> s.unsubscribe().subscribe().with(x -> { }, e -> { }));
  }

  private void onRequest(String message) {
    StopRequest request;
    try {
      request = decode(message);
    } catch (RuntimeException e) {
      LOG.warnf("Ignoring a malformed stop request on %s", requests);
      return;
    }
    Uni<StopRequest.Outcome> here = generations.stopIfHere(request);
    if (here == null) {
      return;
    }
    here.flatMap(outcome -> pubsub.publish(replies,
            new JsonObject().put("id", request.id()).put("outcome", outcome.name()).encode()))
        .subscribe().with(x -> { }, e -> LOG.warnf("Could not answer a stop request: %s", e.toString()));
  }

  private void onReply(String message) {
    try {
      JsonObject reply = new JsonObject(message);
      var waiter = waiting.remove(reply.getString("id"));
      if (waiter != null) {
        waiter.accept(StopRequest.Outcome.valueOf(reply.getString("outcome")));
      }
    } catch (RuntimeException e) {
      LOG.warnf("Ignoring a malformed stop reply on %s", replies);
    }
  }

  private static String encode(StopRequest r) {
    return new JsonObject().put("id", r.id()).put("generation_id", r.generationId()).put("frame", r.frame())
        .put("username", r.username()).put("platform_admin", r.platformAdmin())
        .put("admin_of", new JsonArray(r.adminOf())).encode();
  }

  private static StopRequest decode(String message) {
    JsonObject o = new JsonObject(message);
    List<String> adminOf = o.getJsonArray("admin_of", new JsonArray()).stream().map(String::valueOf).toList();
    return new StopRequest(o.getString("id"), o.getString("generation_id"), o.getString("frame"),
        o.getString("username"), o.getBoolean("platform_admin", false), adminOf);
  }
}
