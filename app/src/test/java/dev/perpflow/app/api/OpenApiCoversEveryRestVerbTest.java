package dev.perpflow.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.perpflow.app.AppTestSupport;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.Header;
import org.apache.camel.Headers;
import org.apache.camel.model.BeanDefinition;
import org.apache.camel.model.Model;
import org.apache.camel.model.ProcessDefinition;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.rest.RestDefinition;
import org.apache.camel.model.rest.VerbDefinition;
import org.junit.jupiter.api.Test;

/**
 * Every REST verb Camel registered (all of {@code routes/}) is in the served OpenAPI document, unless marked
 * {@code apiDocs: false}: with a description, a documented parameter for each {@code {path}} segment and for each
 * query parameter its bean method reads ({@code @Header}, or the parameter lists behind {@code @Headers} maps), a
 * documented JSON schema for every response, and the API-key security when its route calls {@code apiKeyCheck}; and
 * every schema of the document says what it is.
 */
class OpenApiCoversEveryRestVerbTest extends AppTestSupport {

    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");

    /** The query parameters read through {@code @Headers} maps, by bean class and method. */
    private static final Map<String, List<String>> HEADER_MAPS = Map.of(
            OpportunitiesApi.class.getName() + "#list", OpportunityFilterParser.PARAMETERS,
            OpportunitiesApi.class.getName() + "#best", OpportunitiesApi.BEST_PARAMETERS);

    @Test
    void everyVerbIsDocumentedWithItsDescriptionParametersResponsesAndSecurity() throws Exception {
        JsonNode document = getJson("/api/v1/openapi.json", 200);
        assertThat(documentedVerbs()).as("REST verbs found").hasSizeGreaterThanOrEqualTo(38);
        assertThat(problems(document)).isEmpty();
    }

    @Test
    void theCheckReportsAVerbThatLosesItsParameterDescriptionSecurityOrPlace() throws Exception {
        ObjectNode document = (ObjectNode) getJson("/api/v1/openapi.json", 200);
        ObjectNode paths = (ObjectNode) document.get("paths");
        ((ObjectNode) paths.get("/api/v1/health/dex/{dex}").get("get")).putArray("parameters");
        ArrayNode history = (ArrayNode) paths.get("/api/v1/history/funding-rates/{dex}/{symbol}").get("get")
                .get("parameters");
        history.remove(history.size() - 1);
        ((ObjectNode) paths.get("/api/v1/strategies/{id}/logs").get("get")).remove("security");
        ((ObjectNode) paths.get("/api/v1/dexes").get("get")).remove("summary");
        paths.remove("/api/v1/tasks/status");
        ((ObjectNode) document.get("components").get("schemas").get("ApiError")).remove("description");

        assertThat(String.join("\n", problems(document)))
                .contains("GET /api/v1/health/dex/{dex}: path parameter 'dex' not documented")
                .contains("GET /api/v1/history/funding-rates/{dex}/{symbol}: query parameter 'limit'")
                .contains("GET /api/v1/strategies/{id}/logs: calls apiKeyCheck but documents no API-key security")
                .contains("GET /api/v1/dexes: no description")
                .contains("GET /api/v1/tasks/status: not in the document")
                .contains("schema ApiError: no description");
    }

    private List<String> problems(JsonNode document) {
        OpenApiSchemaCheck schemas = new OpenApiSchemaCheck(document);
        Set<String> apiKeySchemes = apiKeySchemes(document);
        List<String> problems = new ArrayList<>();
        Model model = context.getCamelContextExtension().getContextPlugin(Model.class);
        for (Map.Entry<RestDefinition, VerbDefinition> entry : documentedVerbs()) {
            VerbDefinition verb = entry.getValue();
            String path = entry.getKey().getPath() + verb.getPath();
            String name = verb.asVerb().toUpperCase(java.util.Locale.ROOT) + " " + path;
            JsonNode operation = schemas.operation(verb.asVerb(), path);
            if (operation.isMissingNode()) {
                problems.add(name + ": not in the document");
                continue;
            }
            if (operation.path("summary").asText("").isBlank() && operation.path("description").asText("").isBlank()) {
                problems.add(name + ": no description");
            }
            Set<String> inPath = documented(operation, "path");
            Matcher segments = PATH_PARAMETER.matcher(path);
            while (segments.find()) {
                if (!inPath.contains(segments.group(1))) {
                    problems.add(name + ": path parameter '" + segments.group(1) + "' not documented");
                }
            }
            RouteDefinition route = routeOf(model, entry.getKey(), verb);
            Set<String> documentedNames = new LinkedHashSet<>(inPath);
            documentedNames.addAll(documented(operation, "query"));
            for (String read : parametersRead(route)) {
                if (!documentedNames.contains(read)) {
                    problems.add(name + ": query parameter '" + read + "' is read by the route's bean but not "
                            + "documented");
                }
            }
            operation.path("responses").fields().forEachRemaining(response -> {
                if (schemas.responseSchema(operation, Integer.parseInt(response.getKey())).isMissingNode()) {
                    problems.add(name + ": response " + response.getKey() + " has no JSON schema");
                }
            });
            if (!operation.path("responses").fieldNames().hasNext()) {
                problems.add(name + ": no responses documented");
            }
            if (callsApiKeyCheck(route) && !securedBy(operation, apiKeySchemes)) {
                problems.add(name + ": calls apiKeyCheck but documents no API-key security");
            }
        }
        document.path("components").path("schemas").fields().forEachRemaining(schema -> {
            if (schema.getValue().path("description").asText("").isBlank()) {
                problems.add("schema " + schema.getKey() + ": no description");
            }
        });
        return problems;
    }

    /** Every verb of every rest, less those kept out of the document ({@code apiDocs: false}). */
    private List<Map.Entry<RestDefinition, VerbDefinition>> documentedVerbs() {
        List<Map.Entry<RestDefinition, VerbDefinition>> verbs = new ArrayList<>();
        for (RestDefinition rest : context.getCamelContextExtension().getContextPlugin(Model.class)
                .getRestDefinitions()) {
            for (VerbDefinition verb : rest.getVerbs()) {
                String apiDocs = verb.getApiDocs() != null ? verb.getApiDocs() : rest.getApiDocs();
                if (apiDocs == null || Boolean.parseBoolean(apiDocs)) {
                    verbs.add(Map.entry(rest, verb));
                }
            }
        }
        return verbs;
    }

    private static Set<String> documented(JsonNode operation, String in) {
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode parameter : operation.path("parameters")) {
            if (parameter.path("in").asText().equals(in) && !parameter.path("description").asText("").isBlank()) {
                names.add(parameter.path("name").asText());
            }
        }
        return names;
    }

    /**
     * The route behind a verb: the route its {@code to} names or, as Camel inlines such direct routes into the rest
     * route ({@code camel.rest.inline-routes}), the rest route of the verb.
     */
    private static RouteDefinition routeOf(Model model, RestDefinition rest, VerbDefinition verb) {
        String to = verb.getTo().getUri();
        String restUri = "rest://" + verb.asVerb() + ":" + rest.getPath() + ":" + verb.getPath() + "?";
        return model.getRouteDefinitions().stream()
                .filter(r -> to.equals(r.getInput().getUri()) || URLDecoder.decode(r.getInput().getUri()
                        .split("\\?")[0], StandardCharsets.UTF_8).concat("?").equals(restUri))
                .findFirst().orElseThrow(() -> new AssertionError("no route behind " + restUri + " (" + to + ")"));
    }

    /** The names the route's bean methods read with {@code @Header}, and the lists behind their {@code @Headers}. */
    private Set<String> parametersRead(RouteDefinition route) {
        Set<String> names = new LinkedHashSet<>();
        for (ProcessorDefinition<?> step : route.getOutputs()) {
            if (!(step instanceof BeanDefinition bean)) {
                continue;
            }
            Object target = context.getRegistry().lookupByName(bean.getRef());
            assertThat(target).as("bean " + bean.getRef()).isNotNull();
            for (Method method : target.getClass().getMethods()) {
                if (!method.getName().equals(bean.getMethod())) {
                    continue;
                }
                for (Annotation[] annotations : method.getParameterAnnotations()) {
                    for (Annotation annotation : annotations) {
                        if (annotation instanceof Header header) {
                            names.add(header.value());
                        } else if (annotation instanceof Headers) {
                            List<String> known = HEADER_MAPS.get(target.getClass().getName() + "#" + method.getName());
                            assertThat(known).as(target.getClass().getSimpleName() + "." + method.getName()
                                    + " reads a @Headers map: name its parameters in HEADER_MAPS").isNotNull();
                            names.addAll(known);
                        }
                    }
                }
            }
        }
        return names;
    }

    private static boolean callsApiKeyCheck(RouteDefinition route) {
        return route.getOutputs().stream()
                .anyMatch(step -> step instanceof ProcessDefinition p && "apiKeyCheck".equals(p.getRef()));
    }

    /** The document's security schemes of type apiKey in a header, or HTTP bearer. */
    private static Set<String> apiKeySchemes(JsonNode document) {
        Set<String> names = new LinkedHashSet<>();
        document.path("components").path("securitySchemes").fields().forEachRemaining(scheme -> {
            JsonNode s = scheme.getValue();
            if (s.path("type").asText().equals("apiKey") && s.path("in").asText().equals("header")
                    || s.path("type").asText().equals("http") && s.path("scheme").asText().equals("bearer")) {
                names.add(scheme.getKey());
            }
        });
        return names;
    }

    private static boolean securedBy(JsonNode operation, Set<String> schemes) {
        for (JsonNode requirement : operation.path("security")) {
            for (String scheme : schemes) {
                if (requirement.has(scheme)) {
                    return true;
                }
            }
        }
        return false;
    }
}
