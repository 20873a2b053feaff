package ai.ibl.suite.mentor.chat;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import ai.ibl.emulator.PlatformEmulator;
import ai.ibl.emulator.asgi.ChatDomain;
import ai.ibl.emulator.asgi.ChatFailure;
import ai.ibl.emulator.core.Fault;
import ai.ibl.emulator.core.Upstream;
import ai.ibl.suite.testing.InjectEmulator;
import ai.ibl.suite.testing.UpstreamSlate;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@UpstreamSlate
class ChatSocketTest {
  static final String CHAT = "/ws/langflow/";
  static final String STOP = "/ws/langflow/stop/";
  static final String MENTOR = "ai-mentor";

  @InjectEmulator
  PlatformEmulator emulator;

  @TestHTTPResource("/")
  URL base;

  ChatDomain chat;

  @BeforeEach
  void cleanSlate() {
    chat = emulator.domain(ChatDomain.class);
    Eventually.within(Duration.ofSeconds(5), () -> assertThat(chat.running()).isZero());
  }

  ChatClient open() {
    return ChatClient.open(base.getPort(), CHAT);
  }

  String token(String user) {
    return emulator.tokens().tokenFor(user);
  }

  static String session() {
    return "session-" + UUID.randomUUID();
  }

  JsonObject learnerPrompt(String prompt, String session) {
    return ChatClient.prompt(prompt, "main", MENTOR, "learner", token("learner"), session);
  }

  static String expectedAnswer(int chunks) {
    StringBuilder text = new StringBuilder();
    IntStream.range(0, chunks).forEach(i -> text.append(ChatDomain.chunkText(i)));
    return text.toString();
  }

  /** The whole answer as the web client sees it, checked frame by frame. */
  static String assertCompleteAnswer(ChatClient client, int chunks) {
    assertThat(client.next()).isEqualTo(new JsonObject().put("type", "typing").put("isTyping", true));
    JsonObject start = client.next();
    String generation = start.getString("generation_id");
    assertThat(generation).isNotBlank();
    assertThat(start.fieldNames()).containsExactly("generation_id");
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < chunks; i++) {
      JsonObject chunk = client.next();
      assertThat(chunk.getString("generation_id")).isEqualTo(generation);
      assertThat(chunk.getString("data")).isEqualTo(ChatDomain.chunkText(i));
      assertThat(chunk.containsKey("eos")).isFalse();
      text.append(chunk.getString("data"));
    }
    assertThat(client.next()).isEqualTo(new JsonObject().put("generation_id", generation).put("eos", true));
    assertThat(client.next()).isEqualTo(new JsonObject().put("type", "typing").put("isTyping", false));
    return text.toString();
  }

  @Test
  void severalPromptsOnOneSocketArriveWholeInOrderWithOneEosEachAndAreKept() {
    chat.chunks(12);
    String session = session();
    try (ChatClient client = open()) {
      // The web client may send the next prompt before the previous answer ended: answers come one after another.
      client.send(learnerPrompt("first", session)).send(learnerPrompt("second", session))
          .send(learnerPrompt("third", session));
      for (int i = 0; i < 3; i++) {
        assertThat(assertCompleteAnswer(client, 12)).isEqualTo(expectedAnswer(12));
      }
      assertThat(client.poll(300)).as("nothing after the last answer").isNull();
    }
    Eventually.within(Duration.ofSeconds(5), () ->
        given().auth().oauth2(token("learner")).get("/api/ai-mentor/orgs/main/sessions/" + session + "/")
            .then().statusCode(200).body("messages", hasSize(3)));
    given().auth().oauth2(token("learner")).get("/api/ai-mentor/orgs/main/sessions/" + session + "/")
        .then().statusCode(200)
        .body("session_id", equalTo(session))
        .body("messages[0].prompt", equalTo("first"))
        .body("messages[2].prompt", equalTo("third"))
        .body("messages[1].answer", equalTo(expectedAnswer(12)))
        .body("messages[1].outcome", equalTo("completed"))
        .body("messages[1].username", equalTo("learner"))
        .body("messages[1].mentor", equalTo(MENTOR));
  }

  @Test
  void unknownFieldsPassThroughBothWaysUntouched() {
    JsonObject frame = learnerPrompt("with extras", session())
        .put("file_references", new JsonArray().add(new JsonObject().put("file_id", "f1").put("file_name", "a.pdf")
            .put("content_type", "application/pdf").put("file_size", 12).put("upload_url", "https://x/y")))
        .put("page_content", "The page")
        .put("document_filter", new JsonObject().put("tags", new JsonArray().add("t")))
        .put("some_future_field", new JsonObject().put("nested", List.of(1, 2, 3)))
        .put("emulator_echo", new JsonObject().put("trace_hint", "abc").put("weight", 1.5));
    String sent = frame.encode();
    try (ChatClient client = open()) {
      client.send(sent);
      List<JsonObject> answer = client.answer();
      assertThat(answer).allSatisfy(f -> {
        assertThat(f.getString("trace_hint")).isEqualTo("abc");
        assertThat(f.getDouble("weight")).isEqualTo(1.5);
      });
    }
    assertThat(chat.prompts()).hasSize(1);
    assertThat(chat.prompts().get(0)).isEqualTo(new JsonObject(sent));
  }

  @Test
  void noTokenOnAMentorThatNeedsSignInIsRefusedAndNothingReachesTheMentor() {
    try (ChatClient client = open()) {
      client.send(ChatClient.prompt("hi", "main", MENTOR, "anonymous", null, session()));
      assertThat(client.next().getString("error")).contains("sign in");
      client.send(ChatClient.prompt("hi", "main", MENTOR, "anonymous", "", session()));
      assertThat(client.next().getString("error")).contains("sign in");
    }
    assertThat(chat.prompts()).isEmpty();
  }

  @Test
  void aShareLinkOpensAMentorThatNeedsSignInWhileTheLinkIsEnabled() {
    String link = EmulatedMentors.sharedMentor(emulator, "main");
    String mentor = EmulatedMentors.SHARED_MENTOR;
    try (ChatClient client = open()) {
      client.send(ChatClient.prompt("hi", "main", mentor, "anonymous", null, session()));
      assertThat(client.next().getString("error")).as("no token").contains("sign in");

      client.send(ChatClient.prompt("hi", "main", mentor, "anonymous", link, session()).put("token_type", "link"));
      assertThat(assertCompleteAnswer(client, 5)).isEqualTo(expectedAnswer(5));

      client.send(ChatClient.prompt("hi", "main", mentor, "anonymous", link + "x", session()).put("token_type", "link"));
      assertThat(client.next().getString("error")).as("another token").contains("share link is not valid");
      client.send(ChatClient.prompt("hi", "other", mentor, "anonymous", link, session()).put("token_type", "link"));
      assertThat(client.next().getString("error")).as("the link of another tenant's mentor").contains("not valid");

      // Freshness TTL is 0 in the test profile: a link switched off on the Manager stops working at once.
      EmulatedMentors.shareLinkEnabled(emulator, "main", false);
      client.send(ChatClient.prompt("hi", "main", mentor, "anonymous", link, session()).put("token_type", "link"));
      assertThat(client.next().getString("error")).as("a disabled link").contains("share link is not valid");
    }
    assertThat(chat.prompts()).as("only the prompt with the valid link reached the mentor").hasSize(1);
  }

  @Test
  void anonymousChatWorksOnMentorsThatAllowIt() {
    EmulatedMentors.openMentor(emulator, "main");
    try (ChatClient client = open()) {
      client.send(ChatClient.prompt("hi", "main", "open-mentor", "anonymous", null, session()));
      assertCompleteAnswer(client, 5);
    }
  }

  @Test
  void badExpiredAndForeignTokensAreRefused() {
    List<String> bad = List.of(emulator.tokens().badlySignedTokenFor("learner"),
        emulator.tokens().expiredTokenFor("learner"), "not-a-jwt");
    try (ChatClient client = open()) {
      for (String token : bad) {
        client.send(ChatClient.prompt("hi", "main", MENTOR, "learner", token, session()));
        assertThat(client.next().getString("error")).contains("token");
      }
      // A user of another tenant cannot chat with this tenant's mentors.
      client.send(ChatClient.prompt("hi", "main", MENTOR, "other-learner", token("other-learner"), session()));
      assertThat(client.next().getString("error")).contains("do not belong");
      // The socket still works for a valid prompt.
      client.send(learnerPrompt("hi", session()));
      assertCompleteAnswer(client, 5);
    }
    assertThat(chat.prompts()).hasSize(1);
  }

  @Test
  void aTokenReusedOnOneSocketIsStillCheckedForTheTenantAndRefusedOnceItExpires() throws InterruptedException {
    // The relay checks a token's signature once per socket: later prompts with it must still be refused
    // for another tenant, and once it has expired.
    String shortLived = emulator.tokens().tokenFor(emulator.tokens().user("learner").orElseThrow(), Duration.ofSeconds(3));
    long expiresAt = System.currentTimeMillis() + 3_000;
    try (ChatClient client = open()) {
      client.send(ChatClient.prompt("first", "main", MENTOR, "learner", shortLived, session()));
      assertCompleteAnswer(client, 5);
      client.send(ChatClient.prompt("elsewhere", "other-tenant", MENTOR, "learner", shortLived, session()));
      assertThat(client.next().getString("error")).contains("do not belong");
      client.send(ChatClient.prompt("second", "main", MENTOR, "learner", shortLived, session()));
      assertCompleteAnswer(client, 5);
      Thread.sleep(Math.max(0, expiresAt - System.currentTimeMillis()) + 1_500);
      client.send(ChatClient.prompt("late", "main", MENTOR, "learner", shortLived, session()));
      assertThat(client.next().getString("error")).contains("token");
    }
    assertThat(chat.prompts()).hasSize(2);
  }

  @Test
  void malformedFramesGetErrorFramesAndTheSocketStaysUsable() {
    try (ChatClient client = open()) {
      client.send("{ not json");
      assertThat(client.next().getString("error")).contains("JSON");
      client.send(new JsonObject().put("flow", new JsonObject().put("name", MENTOR).put("tenant", "main")).encode());
      assertThat(client.next().getString("error")).contains("prompt");
      client.send(new JsonObject().put("prompt", "hi").put("token", token("learner")).encode());
      assertThat(client.next().getString("error")).contains("flow");
      client.send(new JsonObject().put("prompt", "hi").put("flow", new JsonObject().put("name", MENTOR)).encode());
      assertThat(client.next().getString("error")).contains("tenant");
      client.send("[]");
      assertThat(client.next().getString("error")).contains("JSON");
      client.send(learnerPrompt("hi", session()));
      assertCompleteAnswer(client, 5);
    }
    assertThat(chat.prompts()).hasSize(1);
  }

  @Test
  void aQuietSocketReleasesItsUpstreamAfterTheKeepAliveAndItsNextPromptIsStillAnswered() {
    Eventually.within(Duration.ofSeconds(5), () -> assertThat(chat.openSockets()).isZero());
    String session = session();
    try (ChatClient client = open()) {
      client.send(learnerPrompt("first", session));
      assertCompleteAnswer(client, 5);
      client.send(learnerPrompt("second", session));
      assertCompleteAnswer(client, 5);
      assertThat(chat.acceptedSockets()).as("a follow-up prompt reuses the upstream socket").isEqualTo(1);

      // Keep-alive is 2 s in the test profile: then the client socket stays open, the upstream one closes.
      Eventually.within(Duration.ofSeconds(6), () -> assertThat(chat.openSockets()).isZero());
      client.send(learnerPrompt("third", session));
      assertThat(assertCompleteAnswer(client, 5)).isEqualTo(expectedAnswer(5));
      assertThat(chat.acceptedSockets()).as("the next prompt opened a new upstream socket").isEqualTo(2);
    }
  }

  @Test
  void beyondTheReplicasIdleCapAnUpstreamSocketClosesWhenItsAnswerEnds() {
    Eventually.within(Duration.ofSeconds(5), () -> assertThat(chat.openSockets()).isZero());
    List<ChatClient> clients = IntStream.range(0, 4).mapToObj(i -> open()).toList();
    try {
      for (ChatClient client : clients) {
        client.send(learnerPrompt("hello", session()));
        assertCompleteAnswer(client, 5);
      }
      // The test profile keeps at most two idle upstream sockets: the later two closed with their answers.
      Eventually.within(Duration.ofMillis(1500), () -> assertThat(chat.openSockets()).isEqualTo(2));
      for (ChatClient client : clients) {
        client.send(learnerPrompt("again", session()));
        assertThat(assertCompleteAnswer(client, 5)).isEqualTo(expectedAnswer(5));
      }
    } finally {
      clients.forEach(ChatClient::close);
    }
  }

  @Test
  void upstreamDownGivesAnErrorFrameNotAHang() {
    emulator.fail(Upstream.ASGI, Fault.down());
    try (ChatClient client = open()) {
      client.send(learnerPrompt("hi", session()));
      assertThat(client.next(8_000).getString("error")).contains("unavailable");
      emulator.faults().clear();
      client.send(learnerPrompt("again", session()));
      assertCompleteAnswer(client, 5);
    }
  }

  @Test
  void upstreamDroppedMidAnswerEndsTheAnswerWithExactlyOneError() {
    chat.chunks(6).failNext(ChatFailure.DROP);
    try (ChatClient client = open()) {
      client.send(learnerPrompt("hi", session()));
      List<JsonObject> answer = client.answer();
      JsonObject last = answer.get(answer.size() - 1);
      assertThat(last.getString("error")).contains("lost");
      assertThat(answer).filteredOn(f -> f.containsKey("data")).hasSize(3);
      assertThat(answer).filteredOn(f -> f.containsKey("eos")).isEmpty();
      assertThat(client.poll(300)).isNull();
      // The next prompt reconnects upstream.
      client.send(learnerPrompt("again", session()));
      assertCompleteAnswer(client, 6);
    }
  }

  @Test
  void silentUpstreamTimesOutWithAnErrorFrame() {
    chat.failNext(ChatFailure.HANG);
    try (ChatClient client = open()) {
      client.send(learnerPrompt("hi", session()));
      List<JsonObject> answer = client.answer();
      assertThat(answer.get(answer.size() - 1).getString("error")).contains("in time");
    }
  }

  @Test
  void upstreamErrorAndOutOfCreditsFramesReachTheClientAsSent() {
    chat.failNext(ChatFailure.ERROR).failNext(ChatFailure.PAYMENT_REQUIRED);
    try (ChatClient client = open()) {
      client.send(learnerPrompt("one", session()));
      assertThat(client.nextContent().getString("error")).isEqualTo("The mentor could not answer this prompt.");
      assertThat(client.next()).isEqualTo(new JsonObject().put("type", "typing").put("isTyping", false));
      client.send(learnerPrompt("two", session()));
      JsonObject payment = client.nextContent();
      assertThat(payment.getInteger("status_code")).isEqualTo(402);
      assertThat(payment.getString("error")).isNotBlank();
      assertThat(client.next()).isEqualTo(new JsonObject().put("type", "typing").put("isTyping", false));
      client.send(learnerPrompt("three", session()));
      assertCompleteAnswer(client, 5);
    }
  }

  @Test
  void promptsPerMinutePerTenantAreLimited() {
    // Tenant "tiny" allows 3 prompts a minute (see %test config).
    MinuteWindow.awaitRoom(Duration.ofSeconds(15));
    EmulatedMentors.openMentor(emulator, "tiny");
    try (ChatClient client = open()) {
      for (int i = 0; i < 3; i++) {
        client.send(ChatClient.prompt("hi " + i, "tiny", "open-mentor", "anonymous", null, session()));
        assertCompleteAnswer(client, 5);
      }
      client.send(ChatClient.prompt("one too many", "tiny", "open-mentor", "anonymous", null, session()));
      JsonObject refused = client.next();
      assertThat(refused.getString("error")).contains("too quickly");
      assertThat(refused.getInteger("status_code")).isEqualTo(429);
    }
    assertThat(chat.prompts()).hasSize(3);
  }

  @Test
  void concurrentAnswersPerUserAreLimitedAndFreedWhenAnswersEnd() {
    chat.chunks(20).chunkDelayMillis(50);
    List<ChatClient> clients = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        clients.add(open());
      }
      clients.get(0).send(learnerPrompt("a", session()));
      assertThat(clients.get(0).nextContent().containsKey("generation_id")).isTrue();
      clients.get(1).send(learnerPrompt("b", session()));
      assertThat(clients.get(1).nextContent().containsKey("generation_id")).isTrue();
      clients.get(2).send(learnerPrompt("c", session()));
      JsonObject refused = clients.get(2).next();
      assertThat(refused.getString("error")).contains("already have 2 answers");
      assertThat(refused.getInteger("status_code")).isEqualTo(429);
      // Another user is not affected.
      clients.get(2).send(ChatClient.prompt("admin", "main", MENTOR, "tenant-admin", token("tenant-admin"), session()));
      assertThat(clients.get(2).nextContent().containsKey("generation_id")).isTrue();
      clients.get(0).answer();
      clients.get(2).answer();
      clients.get(2).next();
      clients.get(2).send(learnerPrompt("c again", session()));
      assertCompleteAnswer(clients.get(2), 20);
    } finally {
      clients.forEach(ChatClient::close);
    }
  }

  @Test
  void stopOnItsOwnSocketEndsTheAnswerWithOneEos() {
    chat.chunks(500).chunkDelayMillis(10);
    String session = session();
    try (ChatClient client = open()) {
      client.send(learnerPrompt("long one", session));
      assertThat(client.next().getString("type")).isEqualTo("typing");
      String generation = client.next().getString("generation_id");
      assertThat(client.next().getString("data")).isEqualTo(ChatDomain.chunkText(0));
      try (ChatClient stop = ChatClient.open(base.getPort(), STOP)) {
        stop.send(new JsonObject().put("generation_id", generation).put("name", MENTOR).put("tenant", "main")
            .put("username", "learner").put("token", token("learner")));
        assertThat(stop.next()).isEqualTo(new JsonObject().put("detail", "Stopped"));
      }
      List<JsonObject> rest = client.answer();
      assertThat(rest.get(rest.size() - 1)).isEqualTo(new JsonObject().put("generation_id", generation).put("eos", true));
      assertThat(rest).filteredOn(f -> f.containsKey("data")).hasSizeLessThan(499);
      assertThat(client.next()).isEqualTo(new JsonObject().put("type", "typing").put("isTyping", false));
    }
    assertThat(chat.stops()).hasSize(1);
    Eventually.within(Duration.ofSeconds(5), () ->
        given().auth().oauth2(token("learner")).get("/api/ai-mentor/orgs/main/sessions/" + session + "/")
            .then().statusCode(200).body("messages[0].outcome", equalTo("stopped")));
  }

  @Test
  void onlyTheOwnerOrAnAdminMayStopAnAnswer() {
    chat.chunks(300).chunkDelayMillis(10);
    try (ChatClient client = open()) {
      client.send(learnerPrompt("long one", session()));
      String generation = client.nextContent().getString("generation_id");
      try (ChatClient stop = ChatClient.open(base.getPort(), STOP)) {
        stop.send(new JsonObject().put("generation_id", generation).put("name", MENTOR).put("tenant", "other")
            .put("token", token("other-admin")));
        assertThat(stop.next().getString("error")).contains("may not stop");
      }
      try (ChatClient stop = ChatClient.open(base.getPort(), STOP)) {
        stop.send(new JsonObject().put("generation_id", generation).put("name", MENTOR).put("tenant", "main"));
        assertThat(stop.next().getString("error")).contains("sign in");
      }
      try (ChatClient stop = ChatClient.open(base.getPort(), STOP)) {
        stop.send(new JsonObject().put("generation_id", generation).put("name", MENTOR).put("tenant", "main")
            .put("token", token("tenant-admin")));
        assertThat(stop.next()).isEqualTo(new JsonObject().put("detail", "Stopped"));
      }
      List<JsonObject> rest = client.answer();
      assertThat(rest.get(rest.size() - 1).getBoolean("eos")).isTrue();
    }
  }

  @Test
  void stoppingAnUnknownGenerationSaysSo() {
    try (ChatClient stop = ChatClient.open(base.getPort(), STOP)) {
      stop.send(new JsonObject().put("generation_id", "nope").put("name", MENTOR).put("tenant", "main")
          .put("token", token("learner")));
      assertThat(stop.next().getString("error")).contains("No answer");
    }
  }

  @Test
  void metricsCountAnswersByOutcomeAndTimeTheFirstChunk() {
    double completed = metric("mentor_chat_answers_total{outcome=\"completed\"}");
    double failed = metric("mentor_chat_answers_total{outcome=\"failed\"}");
    double timed = metric("mentor_chat_first_chunk_seconds_count");
    try (ChatClient client = open()) {
      client.send(learnerPrompt("fine", session()));
      assertCompleteAnswer(client, 5);
      assertThat(metric("mentor_chat_sockets_open")).isGreaterThanOrEqualTo(1);
      chat.failNext(ChatFailure.ERROR);
      client.send(learnerPrompt("fails", session()));
      assertThat(client.nextContent().getString("error")).isNotBlank();
    }
    assertThat(metric("mentor_chat_answers_total{outcome=\"completed\"}")).isEqualTo(completed + 1);
    assertThat(metric("mentor_chat_answers_total{outcome=\"failed\"}")).isEqualTo(failed + 1);
    assertThat(metric("mentor_chat_first_chunk_seconds_count")).as("only the answer that streamed is timed")
        .isEqualTo(timed + 1);
    assertThat(metric("mentor_chat_answers_running")).isZero();
  }

  /** The value of a series in the Prometheus scrape, e.g. {@code name{label="v"}}; 0 while it is not there. */
  static double metric(String series) {
    int brace = series.indexOf('{');
    String name = brace < 0 ? series : series.substring(0, brace);
    String label = brace < 0 ? "" : series.substring(brace + 1, series.length() - 1);
    String scrape = given().get("/q/metrics").then().statusCode(200).extract().asString();
    return scrape.lines().filter(l -> !l.startsWith("#") && l.lastIndexOf(' ') > 0).filter(l -> {
      String key = l.substring(0, l.lastIndexOf(' '));
      return (key.equals(name) || key.startsWith(name + "{")) && key.contains(label);
    }).mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
  }

  @Test
  void sessionsAreReadableByTheirOwnerAndTheTenantsAdminsOnly() {
    String session = session();
    try (ChatClient client = open()) {
      client.send(learnerPrompt("mine", session));
      assertCompleteAnswer(client, 5);
    }
    String path = "/api/ai-mentor/orgs/main/sessions/" + session + "/";
    Eventually.within(Duration.ofSeconds(5), () ->
        given().auth().oauth2(token("learner")).get(path).then().statusCode(200));
    given().auth().oauth2(token("tenant-admin")).get(path).then().statusCode(200).body("messages", hasSize(1));
    given().auth().oauth2(token("ibl-admin")).get(path).then().statusCode(200);
    String otherLearner = emulator.tokens().tokenWithClaims(Map.of("sub", "77", "user_id", 77,
        "preferred_username", "learner-two", "tenant", "main", "tenants", List.of("main"), "roles", List.of("learner")));
    given().auth().oauth2(otherLearner).get(path).then().statusCode(403);
    given().auth().oauth2(token("other-admin")).get(path).then().statusCode(403);
    given().get(path).then().statusCode(401);
    given().auth().oauth2(token("learner")).get("/api/ai-mentor/orgs/main/sessions/nope/").then().statusCode(404);
  }
}
