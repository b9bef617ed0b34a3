package dev.perpflow.app.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.Map;
import org.apache.camel.component.jackson.JacksonDataFormat;

/**
 * The one JSON configuration of the application, shared by the REST responses, the repositories' JSONB columns, the
 * domain events and the routes (registered as the {@code jackson} data format): instants as ISO-8601 UTC strings,
 * decimals written plainly (never in exponent notation), unknown properties refused when reading.
 */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private Json() {
    }

    /** The shared mapper; thread-safe, never to be reconfigured. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** {@code value} as JSON text; a value Jackson cannot write is a programming error. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** A JSON object as a map, for JSONB columns read back. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> readObject(String json) throws JsonProcessingException {
        return json == null ? Map.of() : MAPPER.readValue(json, Map.class);
    }

    /** The Camel data format over the shared mapper, bound as {@code jackson} for {@code marshal}/{@code unmarshal}. */
    public static JacksonDataFormat dataFormat() {
        JacksonDataFormat format = new JacksonDataFormat(MAPPER, Object.class);
        format.setUseDefaultObjectMapper(false);
        return format;
    }
}
