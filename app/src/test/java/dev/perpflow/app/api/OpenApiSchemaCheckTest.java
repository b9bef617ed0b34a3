package dev.perpflow.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The schema check the contract test relies on reports what differs from a schema, and only that. */
class OpenApiSchemaCheckTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DOCUMENT = """
            {"components": {"schemas": {
              "Run": {"type": "object", "required": ["id", "legs"], "properties": {
                "id": {"type": "string"}, "count": {"type": "integer"}, "rate": {"type": "number"},
                "legs": {"type": "object", "additionalProperties": {"$ref": "#/components/schemas/Leg"}},
                "events": {"type": "array", "items": {"$ref": "#/components/schemas/Leg"}},
                "anything": {"type": "object"}}},
              "Leg": {"type": "object", "required": ["side"], "properties": {"side": {"type": "string"}}}}}}
            """;
    private static final String RUN = "{\"$ref\": \"#/components/schemas/Run\"}";

    private final OpenApiSchemaCheck check;

    OpenApiSchemaCheckTest() throws Exception {
        check = new OpenApiSchemaCheck(JSON.readTree(DOCUMENT));
    }

    @Test
    void aConformingAnswerPassesWithNullsMapsAndFreeFormValues() throws Exception {
        assertThat(problems("{\"id\": \"r1\", \"count\": null, \"rate\": 0.5, "
                + "\"legs\": {\"aster\": {\"side\": \"long\"}}, \"events\": [{\"side\": \"short\"}], "
                + "\"anything\": [1, \"x\"]}")).isEmpty();
    }

    @Test
    void undocumentedKeysMissingRequiredKeysAndWrongTypesAreReportedWhereTheyAre() throws Exception {
        assertThat(problems("{\"id\": 7, \"count\": 1.5, \"legs\": {\"aster\": {\"sid\": \"long\"}}, \"extra\": true,"
                + " \"events\": {}}")).containsExactlyInAnyOrder(
                "run.id: documented as string, is NUMBER 7",
                "run.count: documented as integer, is NUMBER 1.5",
                "run.legs.aster: required key 'side' is missing",
                "run.legs.aster.sid: key not in the documented schema",
                "run.extra: key not in the documented schema",
                "run.events: documented as an array, is OBJECT");
        assertThat(problems("{\"count\": 1}")).containsExactlyInAnyOrder("run: required key 'id' is missing",
                "run: required key 'legs' is missing");
    }

    private java.util.List<String> problems(String answer) throws Exception {
        JsonNode schema = JSON.readTree(RUN);
        return check.problems(JSON.readTree(answer), schema, "run");
    }
}
