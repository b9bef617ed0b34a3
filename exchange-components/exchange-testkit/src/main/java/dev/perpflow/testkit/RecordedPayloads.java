package dev.perpflow.testkit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * A venue's recorded payloads on the test classpath ({@code src/test/resources/<venue>/}, with a README naming their
 * source), read with the venue's own payload mapper, as its adapters tests do.
 */
public final class RecordedPayloads {

    private final String directory;
    private final ObjectMapper json;

    public RecordedPayloads(String directory, ObjectMapper json) {
        this.directory = directory;
        this.json = json;
    }

    public <T> T read(String name, Class<T> type) {
        try (InputStream in = open(name)) {
            return json.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException(directory + "/" + name + " is not the payload expected", e);
        }
    }

    public <T> T read(String name, TypeReference<T> type) {
        try (InputStream in = open(name)) {
            return json.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException(directory + "/" + name + " is not the payload expected", e);
        }
    }

    private InputStream open(String name) {
        InputStream in = RecordedPayloads.class.getResourceAsStream("/" + directory + "/" + name);
        if (in == null) {
            throw new IllegalArgumentException("no recorded payload " + directory + "/" + name + " on the classpath");
        }
        return in;
    }
}
