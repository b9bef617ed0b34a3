package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A trading account the caller may use. */
@Schema(description = "A trading account the caller may use.")
public record Account(
        @JsonProperty(value = "account_name", required = true)
        @Schema(description = "Trading account (owner/name, or default)") String accountName,
        @JsonProperty(value = "account_id", required = true) String accountId,
        @JsonProperty(value = "owner", required = true) String owner,
        @JsonProperty(value = "is_active", required = true) boolean isActive,
        @JsonProperty(value = "created_at", required = true) Instant createdAt) {
}
