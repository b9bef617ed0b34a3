package dev.perpflow.app.accounts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The credential fields each venue needs (the seed's {@code _credential_mappings}) and the environment variables
 * they come from outside the database (the seed's env names; perpflow prefixes Lighter's with {@code LIGHTER_}).
 * Optional fields may be left out. A venue with several kinds of credentials lists each kind's fields as a set, and
 * exactly one set must be given whole: Aster's V1 API key ({@code api_key}, {@code secret_key}) or its V3 API wallet
 * ({@code user}, {@code signer}, {@code signer_private_key}; env {@code ASTER_USER}, {@code ASTER_SIGNER},
 * {@code ASTER_SIGNER_PRIVATE_KEY}).
 */
public final class VenueCredentialFields {

    /** One field: its name, the environment variable it is read from, whether it is secret, whether required. */
    public record Field(String name, String environmentVariable, boolean secret, boolean required) {
    }

    private static final Map<String, List<Field>> FIELDS = new LinkedHashMap<>();
    /** Venues with alternative credential sets: exactly one set is given, whole. */
    private static final Map<String, List<List<String>>> SETS = new LinkedHashMap<>();

    static {
        FIELDS.put("aster", List.of(alternative("api_key", "ASTER_API_KEY", true),
                alternative("secret_key", "ASTER_SECRET_KEY", true), alternative("user", "ASTER_USER", false),
                alternative("signer", "ASTER_SIGNER", false),
                alternative("signer_private_key", "ASTER_SIGNER_PRIVATE_KEY", true)));
        SETS.put("aster", List.of(List.of("api_key", "secret_key"), List.of("user", "signer", "signer_private_key")));
        FIELDS.put("backpack", List.of(plain("public_key", "BACKPACK_PUBLIC_KEY"),
                secret("secret_key", "BACKPACK_SECRET_KEY")));
        FIELDS.put("lighter", List.of(secret("private_key", "LIGHTER_API_KEY_PRIVATE_KEY"),
                plain("account_index", "LIGHTER_ACCOUNT_INDEX"), plain("api_key_index", "LIGHTER_API_KEY_INDEX")));
        FIELDS.put("paradex", List.of(plain("l1_address", "PARADEX_L1_ADDRESS"),
                secret("l2_private_key_hex", "PARADEX_L2_PRIVATE_KEY"), plain("l2_address", "PARADEX_L2_ADDRESS"),
                optional("environment", "PARADEX_ENVIRONMENT")));
        FIELDS.put("grvt", List.of(plain("trading_account_id", "GRVT_TRADING_ACCOUNT_ID"),
                secret("private_key", "GRVT_PRIVATE_KEY"), secret("api_key", "GRVT_API_KEY"),
                optional("environment", "GRVT_ENVIRONMENT")));
        FIELDS.put("edgex", List.of(plain("account_id", "EDGEX_ACCOUNT_ID"),
                secret("stark_private_key", "EDGEX_STARK_PRIVATE_KEY"), optional("base_url", "EDGEX_BASE_URL"),
                optional("ws_url", "EDGEX_WS_URL")));
        FIELDS.put("hyperliquid", List.of(secret("private_key", "HYPERLIQUID_PRIVATE_KEY"),
                plain("account_address", "HYPERLIQUID_ACCOUNT_ADDRESS")));
    }

    private VenueCredentialFields() {
    }

    public static List<String> venues() {
        return List.copyOf(FIELDS.keySet());
    }

    public static List<Field> of(String venue) {
        List<Field> fields = FIELDS.get(venue);
        if (fields == null) {
            throw new AccountsException("unknown venue '" + venue + "': one of " + String.join(", ", venues()));
        }
        return fields;
    }

    /** Checks a set of values: unknown fields and missing required ones are named, values are never echoed. */
    public static Map<String, String> validate(String venue, Map<String, String> values) {
        List<Field> fields = of(venue);
        List<String> problems = new java.util.ArrayList<>();
        for (String name : values.keySet()) {
            if (fields.stream().noneMatch(f -> f.name().equals(name))) {
                problems.add("unknown field '" + name + "'");
            }
        }
        Map<String, String> clean = new LinkedHashMap<>();
        for (Field field : fields) {
            String value = values.get(field.name());
            if (value == null || value.isBlank()) {
                if (field.required()) {
                    problems.add("missing '" + field.name() + "'");
                }
            } else {
                clean.put(field.name(), value.strip());
            }
        }
        problems.addAll(setProblems(venue, clean));
        if (!problems.isEmpty()) {
            throw new AccountsException(venue + " credentials: " + String.join("; ", problems) + " (fields: "
                    + String.join(", ", fields.stream().map(f -> f.name() + (f.required() ? "" : "?")).toList())
                    + ")");
        }
        return clean;
    }

    /**
     * For a venue with alternative sets: nothing when exactly one set is given whole, else what is missing or mixed
     * (naming fields, never values).
     */
    private static List<String> setProblems(String venue, Map<String, String> given) {
        List<List<String>> sets = SETS.get(venue);
        if (sets == null) {
            return List.of();
        }
        List<List<String>> started = sets.stream().filter(set -> set.stream().anyMatch(given::containsKey)).toList();
        if (started.size() > 1) {
            return List.of("give one set of fields, not several: " + describeSets(venue));
        }
        List<String> set = started.isEmpty() ? sets.get(0) : started.get(0);
        List<String> problems = new java.util.ArrayList<>();
        set.stream().filter(name -> !given.containsKey(name)).forEach(name -> problems.add("missing '" + name + "'"));
        if (started.isEmpty()) {
            problems.add("or give " + describeSets(venue));
        }
        return problems;
    }

    /** The venue's credential sets as environment variables: {@code A and B, or C, D and E}. */
    public static String describeSets(String venue) {
        List<List<String>> sets = SETS.get(venue);
        List<List<String>> named = sets == null ? List.of(of(venue).stream().filter(Field::required)
                .map(Field::name).toList()) : sets;
        List<String> described = new java.util.ArrayList<>();
        for (List<String> set : named) {
            List<String> variables = set.stream().map(name -> of(venue).stream().filter(f -> f.name().equals(name))
                    .findFirst().orElseThrow().environmentVariable()).toList();
            described.add(variables.size() == 1 ? variables.get(0) : String.join(", ",
                    variables.subList(0, variables.size() - 1)) + " and " + variables.get(variables.size() - 1));
        }
        return String.join(", or ", described);
    }

    /** The values found in the environment for a venue (only set variables; validate() names what is missing). */
    public static Map<String, String> fromEnvironment(String venue, java.util.function.Function<String, String> env) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Field field : of(venue)) {
            String value = env.apply(field.environmentVariable());
            if (value != null && !value.isBlank()) {
                values.put(field.name(), value);
            }
        }
        return values;
    }

    private static Field secret(String name, String env) {
        return new Field(name, env, true, true);
    }

    private static Field plain(String name, String env) {
        return new Field(name, env, false, true);
    }

    /** A field of one of a venue's alternative sets: required within its set, optional on its own. */
    private static Field alternative(String name, String env, boolean secret) {
        return new Field(name, env, secret, false);
    }

    private static Field optional(String name, String env) {
        return new Field(name, env, false, false);
    }
}
