package dev.perpflow.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perpflow.app.control.Refusal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each kind of refusal of the control service has its HTTP status, and the seed's error shape. */
class RefusalResponsesTest {

    @Test
    void everyKindHasItsStatus() {
        assertThat(JsonResponder.responseOf(Refusal.notFound("no run")).status()).isEqualTo(404);
        assertThat(JsonResponder.responseOf(Refusal.runOfAnotherUser("r1")).status()).isEqualTo(403);
        assertThat(JsonResponder.responseOf(Refusal.conflict("closing")).status()).isEqualTo(409);
        assertThat(JsonResponder.responseOf(Refusal.limited("cooldown")).status()).isEqualTo(429);
        assertThat(JsonResponder.responseOf(Refusal.unavailable("not running")).status()).isEqualTo(503);
        for (Refusal.Kind kind : Refusal.Kind.values()) {
            assertThat(kind).isNotNull(); // a new kind without a status fails to compile in the switch
        }
    }

    @Test
    void anInvalidRequestNamesTheParameterAtFault() {
        ApiResponse response = JsonResponder.responseOf(Refusal.invalid("config", "take_profit: must be at most 1"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).isEqualTo(Map.of("detail", "take_profit: must be at most 1",
                "parameter", "config"));
    }

    @Test
    void otherRefusalsCarryOnlyTheDetail() {
        assertThat(JsonResponder.responseOf(Refusal.runOfAnotherUser("r1")).body()).isEqualTo(Map.of("detail",
                "strategy run 'r1' belongs to another user's account"));
    }
}
