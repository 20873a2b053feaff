package ai.ibl.emulator.core;

import ai.ibl.emulator.oidc.TokenIssuer;
import io.vertx.core.Vertx;

/** What domains may use: the Vert.x instance (timers, for streaming), and the token issuer. */
public record EmulatorContext(Vertx vertx, TokenIssuer tokens, Faults faults) {}
