package ai.ibl.suite.catalog.upstream;

import ai.ibl.suite.common.upstream.UpstreamGuard;
import ai.ibl.suite.common.upstream.UpstreamGuards;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Every call catalog-service makes to the CMS, under the CMS's guard (timeout, the {@code cms}
 * circuit breaker, bulkhead). Only calls that leave the CMS in the same state when repeated are
 * retried: reads, updates (they set fields) and publishing. Creating a course, an XBlock or a
 * component and adding an LTI passport make something new each time, so a lost answer must not
 * turn into a second copy: they are tried once.
 */
@ApplicationScoped
public class CmsGateway {
  private final CmsClient client;
  private final UpstreamGuard guard;

  CmsGateway(@RestClient CmsClient client, UpstreamGuards guards) {
    this.client = client;
    this.guard = guards.forUpstream("cms");
  }

  public JsonNode createCourse(Object body) {
    return guard.once(() -> client.createCourse(body));
  }

  public JsonNode course(String courseKey) {
    return guard.idempotent(() -> client.course(courseKey));
  }

  public JsonNode createXBlock(Object body) {
    return guard.once(() -> client.createXBlock(body));
  }

  public JsonNode createComponent(Object body) {
    return guard.once(() -> client.createComponent(body));
  }

  public JsonNode updateXBlock(Object body) {
    return guard.idempotent(() -> client.updateXBlock(body));
  }

  public JsonNode xblockDetails(String locator) {
    return guard.idempotent(() -> client.xblockDetails(locator));
  }

  public JsonNode publish(Object body) {
    return guard.idempotent(() -> client.publish(body));
  }

  public JsonNode updateScorm(Object body) {
    return guard.idempotent(() -> client.updateScorm(body));
  }

  public JsonNode addLtiPassport(Object body) {
    return guard.once(() -> client.addLtiPassport(body));
  }
}
