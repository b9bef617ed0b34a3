package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** {@code GET /accounts}. */
@Schema(description = "GET /accounts.")
public record Accounts(
        @JsonProperty(value = "user", required = true) String user,
        @JsonProperty(value = "is_admin", required = true) boolean isAdmin,
        @JsonProperty(value = "accounts", required = true) List<Account> accounts) {
}
