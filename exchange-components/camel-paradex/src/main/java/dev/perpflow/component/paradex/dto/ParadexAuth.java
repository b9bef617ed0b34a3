package dev.perpflow.component.paradex.dto;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code POST /auth}: the bearer token for private calls and the private channels. */
public record ParadexAuth(@JsonProperty("jwt_token") String jwtToken) {
}
