package ai.ibl.suite.mentor.chat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * What the relay needs to know of a frame from the upstream chat server: whether it is an error
 * (and a 402), its generation id, its chunk of text, whether it ends the answer, whether it
 * ends the mentor's turn (typing off, the last frame after an answer). Read with a streaming parser over the top-level fields only, without building a tree: the frame itself is
 * passed on verbatim, so nothing else of it is ever materialised.
 */
record UpstreamFrame(boolean error, boolean paymentRequired, String generationId, String data, boolean eos,
    boolean typingEnded) {
  private static final JsonFactory JSON = new JsonFactory();
  /** Not a JSON object, or unreadable: passed on, otherwise ignored. */
  static final UpstreamFrame OPAQUE = new UpstreamFrame(false, false, null, null, false, false);

  /** @param wantData whether the chunk's text is needed (the transcript still has room) */
  static UpstreamFrame scan(String text, boolean wantData) {
    boolean error = false;
    boolean payment = false;
    String generation = null;
    String data = null;
    boolean eos = false;
    boolean typing = false;
    boolean notTyping = false;
    try (JsonParser parser = JSON.createParser(text)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return OPAQUE;
      }
      JsonToken token;
      while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        switch (name) {
          case "error" -> error = true;
          case "status_code" -> payment = value == JsonToken.VALUE_NUMBER_INT
              && parser.getNumberType() == JsonParser.NumberType.INT && parser.getIntValue() == 402;
          case "generation_id" -> generation = value == JsonToken.VALUE_STRING ? parser.getText() : null;
          case "data" -> data = wantData && value == JsonToken.VALUE_STRING ? parser.getText() : null;
          case "eos" -> eos = value == JsonToken.VALUE_TRUE;
          case "type" -> typing = value == JsonToken.VALUE_STRING && "typing".equals(parser.getText());
          case "isTyping" -> notTyping = value == JsonToken.VALUE_FALSE;
          default -> { }
        }
        parser.skipChildren();
      }
      if (token != JsonToken.END_OBJECT || parser.nextToken() != null) {
        return OPAQUE;
      }
    } catch (IOException | RuntimeException e) {
      return OPAQUE;
    }
    return new UpstreamFrame(error, payment, generation, data, eos, typing && notTyping);
  }
}
