package dev.perpflow.testkit.component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Keeps a component module's committed generated sources honest, as Apache Camel's build does: the
 * camel-component-maven-plugin writes configurers, URI factory, SPI files and the catalog JSON into
 * {@code target/camel-generated}; the committed copy under {@code src/generated} (what is compiled and packaged) and
 * the doc page rendered from the catalog JSON ({@code src/main/docs/<scheme>-component.md}) must equal them.
 *
 * <p>{@link #check} lists every difference (a module's test fails with it, so the build fails when the committed
 * files are stale); with the system property {@value #REGENERATE} set to {@code true} it writes them instead.
 */
public final class GeneratedComponentSources {

    /** {@code mvn verify -Dperpflow.regenerate=true} rewrites the committed generated files. */
    public static final String REGENERATE = "perpflow.regenerate";

    private static final ObjectMapper JSON = new ObjectMapper();

    private GeneratedComponentSources() {
    }

    /**
     * The differences between what the build generated in {@code module} and what is committed, for the component
     * of {@code scheme} ({@code null} for a module without a component, such as type converters only); empty when
     * current (or after rewriting them in regenerate mode).
     */
    public static List<String> check(Path module, String scheme) {
        Path generated = module.resolve("target/camel-generated");
        Path committed = module.resolve("src/generated");
        if (!Files.isDirectory(generated)) {
            return List.of(generated + " is missing: run the build through process-classes first");
        }
        Map<String, String> expected = new TreeMap<>(read(generated));
        Map<String, String> actual = new TreeMap<>(read(committed));
        if (scheme != null) {
            String catalog = expected.entrySet().stream().filter(e -> e.getKey().endsWith("/" + scheme + ".json"))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            if (catalog == null) {
                return List.of("no catalog JSON for scheme " + scheme + " under " + generated);
            }
            String docPath = "../main/docs/" + scheme + "-component.md";
            expected.put(docPath, docPage(catalog));
            Path doc = committed.resolve(docPath).normalize();
            if (Files.exists(doc)) {
                actual.put(docPath, readString(doc));
            }
        }
        if (Boolean.getBoolean(REGENERATE)) {
            write(committed, expected, actual);
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        expected.forEach((file, content) -> {
            if (!actual.containsKey(file)) {
                problems.add("missing: src/generated/" + file);
            } else if (!actual.get(file).equals(content)) {
                problems.add("stale: src/generated/" + file);
            }
        });
        actual.keySet().stream().filter(file -> !expected.containsKey(file))
                .forEach(file -> problems.add("no longer generated: src/generated/" + file));
        if (!problems.isEmpty()) {
            problems.add("regenerate with: mvn -o verify -pl " + module.getFileName() + " -am -D" + REGENERATE
                    + "=true, and commit src/generated and src/main/docs");
        }
        return problems;
    }

    /** The Markdown doc page of a component, from its catalog JSON. */
    public static String docPage(String catalogJson) {
        JsonNode root;
        try {
            root = JSON.readTree(catalogJson);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode component = root.path("component");
        StringBuilder page = new StringBuilder();
        page.append("# ").append(component.path("title").asText()).append(" component (`")
                .append(component.path("scheme").asText()).append("`)\n\n")
                .append("<!-- Generated from the component's catalog JSON by GeneratedComponentSources; do not edit."
                        + " Change the annotations and regenerate. -->\n\n")
                .append(component.path("description").asText()).append("\n\n")
                .append("- URI syntax: `").append(component.path("syntax").asText()).append("`\n")
                .append("- Maven: `").append(component.path("groupId").asText()).append(':')
                .append(component.path("artifactId").asText()).append("`\n")
                .append("- Component class: `").append(component.path("javaType").asText()).append("`\n\n");
        table(page, "Component options", "Set as `camel.component." + component.path("scheme").asText()
                + ".<option>` (kebab case) or on the component bean.", root.path("componentProperties"));
        table(page, "Endpoint options", "Path and query options of `" + component.path("syntax").asText()
                + "`; options of the configuration override the component's for this endpoint.",
                root.path("properties"));
        table(page, "Message headers", "", root.path("headers"));
        return page.toString();
    }

    private static void table(StringBuilder page, String title, String intro, JsonNode options) {
        if (options.isEmpty()) {
            return;
        }
        page.append("## ").append(title).append("\n\n");
        if (!intro.isEmpty()) {
            page.append(intro).append("\n\n");
        }
        page.append("| name | description | default | type |\n|---|---|---|---|\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = options.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> option = it.next();
            JsonNode o = option.getValue();
            String description = o.path("description").asText().replace("|", "\\|").replace("\n", " ");
            if (o.path("secret").asBoolean(false)) {
                description += " (secret)";
            }
            if (o.path("required").asBoolean(false)) {
                description += " (required)";
            }
            page.append("| `").append(option.getKey()).append("` | ").append(description).append(" | ")
                    .append(o.has("defaultValue") ? "`" + o.path("defaultValue").asText() + "`" : "").append(" | ")
                    .append(o.path("type").asText()).append(" |\n");
        }
        page.append('\n');
    }

    private static Map<String, String> read(Path root) {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return files;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.filter(Files::isRegularFile)
                    .forEach(p -> files.put(root.relativize(p).toString().replace('\\', '/'), readString(p)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static void write(Path committed, Map<String, String> expected, Map<String, String> actual) {
        try {
            for (String stale : actual.keySet()) {
                if (!expected.containsKey(stale)) {
                    Files.deleteIfExists(committed.resolve(stale).normalize());
                }
            }
            for (Map.Entry<String, String> file : expected.entrySet()) {
                Path target = committed.resolve(file.getKey()).normalize();
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readString(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
