package dev.perpflow.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Checks a JSON answer against a schema of the served OpenAPI document, resolving {@code $ref}s in it: every key of
 * an object must be a documented property (unless the schema allows more with {@code additionalProperties}), every
 * required property must be there, and values must have the documented JSON type. A null is accepted anywhere (the
 * records do not say which values may be null). A schema without type or properties (a free-form {@code Object})
 * accepts anything.
 */
final class OpenApiSchemaCheck {

    private static final String REF_PREFIX = "#/components/schemas/";

    private final JsonNode document;

    OpenApiSchemaCheck(JsonNode document) {
        this.document = document;
    }

    /** The operation at {@code path} (as in the document, e.g. {@code /api/v1/dexes/{dex}}), or a missing node. */
    JsonNode operation(String method, String path) {
        return document.path("paths").path(path).path(method.toLowerCase(java.util.Locale.ROOT));
    }

    /** The JSON schema documented for {@code status}, or a missing node when the status is not documented. */
    JsonNode responseSchema(JsonNode operation, int status) {
        return operation.path("responses").path(String.valueOf(status)).path("content").path("application/json")
                .path("schema");
    }

    /** What is wrong with {@code value} under {@code schema}; empty when it conforms. */
    List<String> problems(JsonNode value, JsonNode schema, String where) {
        List<String> problems = new ArrayList<>();
        check(value, schema, where, problems);
        return problems;
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        while (current.has("$ref")) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith(REF_PREFIX)) {
                throw new IllegalStateException("unexpected $ref " + ref);
            }
            current = document.path("components").path("schemas").path(ref.substring(REF_PREFIX.length()));
            if (current.isMissingNode()) {
                throw new IllegalStateException("$ref " + ref + " names no schema of the document");
            }
        }
        return current;
    }

    private void check(JsonNode value, JsonNode rawSchema, String where, List<String> problems) {
        if (value == null || value.isNull()) {
            return;
        }
        JsonNode schema = resolve(rawSchema);
        String type = schema.path("type").asText("");
        boolean objectLike = type.equals("object") || schema.has("properties");
        if (objectLike) {
            checkObject(value, schema, where, problems);
        } else if (type.equals("array")) {
            if (!value.isArray()) {
                problems.add(where + ": documented as an array, is " + value.getNodeType());
                return;
            }
            for (int i = 0; i < value.size(); i++) {
                check(value.get(i), schema.path("items"), where + "[" + i + "]", problems);
            }
        } else if (!type.isEmpty() && !hasType(value, type)) {
            problems.add(where + ": documented as " + type + ", is " + value.getNodeType() + " " + value);
        }
    }

    private void checkObject(JsonNode value, JsonNode schema, String where, List<String> problems) {
        if (!value.isObject()) {
            // a free-form object ({"type": "object"} and nothing else) stands for a Java Object: any JSON value
            if (schema.has("properties") || schema.has("additionalProperties")) {
                problems.add(where + ": documented as an object, is " + value.getNodeType());
            }
            return;
        }
        JsonNode properties = schema.path("properties");
        JsonNode additional = schema.path("additionalProperties");
        for (JsonNode required : schema.path("required")) {
            if (!value.has(required.asText())) {
                problems.add(where + ": required key '" + required.asText() + "' is missing");
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String at = where + "." + field.getKey();
            if (properties.has(field.getKey())) {
                check(field.getValue(), properties.get(field.getKey()), at, problems);
            } else if (additional.isObject()) {
                check(field.getValue(), additional, at, problems);
            } else if (!properties.isMissingNode() || additional.isBoolean() && !additional.asBoolean()) {
                problems.add(at + ": key not in the documented schema");
            }
        }
    }

    private static boolean hasType(JsonNode value, String type) {
        return switch (type) {
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            default -> true;
        };
    }
}
