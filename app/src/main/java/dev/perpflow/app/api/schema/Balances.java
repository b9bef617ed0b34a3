package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;

/**
 * {@code GET /balances}: by venue, a list of {@code {asset, total, available}} or {@code {error}} when the venue could
 * not be read.
 */
@Schema(description = "GET /balances: by venue, a list of {asset, total, available} or {error} when the venue could"
        + " not be read.")
public record Balances(
        @JsonProperty(value = "account_name", required = true)
        @Schema(description = "Trading account (owner/name, or default)") String accountName,
        @JsonProperty(value = "balances", required = true)
        @Schema(description = "By venue: a list of {asset, total, available}, or {error} when the venue could not "
                + "be read") Map<String, Object> balances) {
}
