package dev.perpflow.exchange.http;

import dev.perpflow.exchange.error.ExchangeException;

/**
 * Turns a venue's client-error answer (4xx other than rate limiting) into the typed error it means: the venue's
 * own error codes live in the venue module, the HTTP-level rules in {@link VenueHttpClient}.
 */
@FunctionalInterface
public interface VenueErrorDecoder {

    ExchangeException decode(VenueRequest request, VenueResponse response);
}
