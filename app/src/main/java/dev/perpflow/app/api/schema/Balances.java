package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** {@code GET /balances}: by venue, a list of {@code {asset, total, available}} or {@code {error}} when the venue could not be read. */
public record Balances(
        @JsonProperty(value = "account_name", required = true) String accountName,
        @JsonProperty(value = "balances", required = true) Map<String, Object> balances) {
}
