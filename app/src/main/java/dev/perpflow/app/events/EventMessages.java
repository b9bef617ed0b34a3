package dev.perpflow.app.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.perpflow.app.json.Json;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;

/**
 * The published form of an event, made by the {@code events-relay} route from an outbox row: the JSON body
 * {@code {"id", "type", "level", "time", "account", "run", "payload"}} and the headers routes filter on.
 */
public class EventMessages {

    /** The endpoint every event is published on; consume it with the same URI. */
    public static final String ENDPOINT = "seda:perpflow-events?multipleConsumers=true";

    public static final String ID = "PerpEventId";
    public static final String TYPE = "PerpEventType";
    public static final String LEVEL = "PerpEventLevel";
    public static final String ACCOUNT = "PerpAccount";
    public static final String RUN = "PerpRunId";
    /** {@code grid} or {@code funding_arbitrage} for a run's own events, absent otherwise. */
    public static final String STRATEGY = "PerpStrategy";

    /** Route step: the body is a {@code domain_events} row (a map, as camel-sql reads it). */
    public void fromRow(Exchange exchange) throws JsonProcessingException, InvalidPayloadException {
        Map<?, ?> row = exchange.getMessage().getMandatoryBody(Map.class);
        long id = ((Number) row.get("id")).longValue();
        String type = (String) row.get("event_type");
        String level = (String) row.get("level");
        Instant time = ((Timestamp) row.get("occurred_at")).toInstant();
        String account = (String) row.get("account");
        String run = (String) row.get("run_id");
        ObjectNode event = Json.mapper().createObjectNode();
        event.put("id", id);
        event.put("type", type);
        event.put("level", level);
        event.put("time", time.toString());
        event.put("account", account);
        event.put("run", run);
        event.set("payload", Json.mapper().readTree(String.valueOf(row.get("payload"))));
        Message message = exchange.getMessage();
        message.setBody(Json.mapper().writeValueAsString(event));
        message.setHeader(ID, id);
        message.setHeader(TYPE, type);
        message.setHeader(LEVEL, level);
        message.setHeader(ACCOUNT, account);
        message.setHeader(RUN, run);
        String strategy = event.path("payload").path("strategy").asText(null);
        if (run != null && strategy != null) {
            message.setHeader(STRATEGY, strategy);
        }
    }
}
