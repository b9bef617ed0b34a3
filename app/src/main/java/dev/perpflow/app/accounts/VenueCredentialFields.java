package dev.perpflow.app.accounts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The credential fields each venue needs (the seed's {@code _credential_mappings}) and the environment variables
 * they come from outside the database (the seed's env names; perpflow prefixes Lighter's with {@code LIGHTER_}).
 * Optional fields may be left out. A venue may also take another kind of credentials instead ({@link #alternative}):
 * Aster's V1 API key ({@code api_key}, {@code secret_key}) or its V3 API wallet ({@code user}, {@code signer},
 * {@code signer_private_key}; env {@code ASTER_USER}, {@code ASTER_SIGNER}, {@code ASTER_SIGNER_PRIVATE_KEY}), one
 * kind whole, never a mix.
 */
public final class VenueCredentialFields {

    /** One field: its name, the environment variable it is read from, whether it is secret, whether required. */
    public record Field(String name, String environmentVariable, boolean secret, boolean required) {
    }

    private static final Map<String, List<Field>> FIELDS = new LinkedHashMap<>();
    /**
     * A venue's other kind of credentials, given instead of its fields: all of these or none of them. (Kept apart
     * from {@link #of}, which lists the venue's usual fields, so prompts that walk those stay as they are.)
     */
    private static final Map<String, List<Field>> ALTERNATIVE = new LinkedHashMap<>();
    /** The seed's names of variables perpflow renamed, read when the new name is not set. */
    private static final Map<String, String> SEED_NAMES = Map.of("LIGHTER_API_KEY_PRIVATE_KEY", "API_KEY_PRIVATE_KEY");

    static {
        FIELDS.put("aster", List.of(secret("api_key", "ASTER_API_KEY"), secret("secret_key", "ASTER_SECRET_KEY")));
        ALTERNATIVE.put("aster", List.of(plain("user", "ASTER_USER"), plain("signer", "ASTER_SIGNER"),
                secret("signer_private_key", "ASTER_SIGNER_PRIVATE_KEY")));
        FIELDS.put("backpack", List.of(plain("public_key", "BACKPACK_PUBLIC_KEY"),
                secret("secret_key", "BACKPACK_SECRET_KEY")));
        FIELDS.put("lighter", List.of(secret("private_key", "LIGHTER_API_KEY_PRIVATE_KEY"),
                plain("account_index", "LIGHTER_ACCOUNT_INDEX"), plain("api_key_index", "LIGHTER_API_KEY_INDEX")));
        // the L1 address is kept for reference: trading signs with the L2 key for the L2 account
        FIELDS.put("paradex", List.of(optional("l1_address", "PARADEX_L1_ADDRESS"),
                secret("l2_private_key_hex", "PARADEX_L2_PRIVATE_KEY"), plain("l2_address", "PARADEX_L2_ADDRESS"),
                optional("environment", "PARADEX_ENVIRONMENT")));
        FIELDS.put("grvt", List.of(plain("trading_account_id", "GRVT_TRADING_ACCOUNT_ID"),
                secret("private_key", "GRVT_PRIVATE_KEY"), secret("api_key", "GRVT_API_KEY"),
                optional("environment", "GRVT_ENVIRONMENT")));
        // EdgeX's v2 API (the seed's EDGEX_STARK_PRIVATE_KEY is v1's StarkEx key, which v2 does not take)
        FIELDS.put("edgex", List.of(plain("account_id", "EDGEX_ACCOUNT_ID"), secret("api_key", "EDGEX_API_KEY"),
                secret("api_passphrase", "EDGEX_API_PASSPHRASE"), secret("api_secret", "EDGEX_API_SECRET"),
                secret("trading_private_key", "EDGEX_TRADING_PRIVATE_KEY")));
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

    /**
     * Checks a set of values: unknown fields and missing required ones are named, values are never echoed. A venue
     * with an alternative kind of credentials ({@link #alternative}) takes either its fields or all the alternative
     * ones, never a mix.
     */
    public static Map<String, String> validate(String venue, Map<String, String> values) {
        List<Field> usual = of(venue);
        List<Field> other = alternative(venue);
        boolean otherGiven = other.stream().anyMatch(f -> isSet(values.get(f.name())));
        boolean usualGiven = usual.stream().anyMatch(f -> isSet(values.get(f.name())));
        List<Field> fields = otherGiven ? other : usual;
        List<String> problems = new java.util.ArrayList<>();
        for (String name : values.keySet()) {
            if (usual.stream().noneMatch(f -> f.name().equals(name)) && other.stream().noneMatch(f -> f.name().equals(name))) {
                problems.add("unknown field '" + name + "'");
            }
        }
        if (otherGiven && usualGiven) {
            problems.add("give one set of fields, not several: " + describeSets(venue));
        }
        Map<String, String> clean = new LinkedHashMap<>();
        for (Field field : fields) {
            String value = values.get(field.name());
            if (!isSet(value)) {
                if (field.required()) {
                    problems.add("missing '" + field.name() + "'");
                }
            } else {
                clean.put(field.name(), value.strip());
            }
        }
        if (!problems.isEmpty()) {
            throw new AccountsException(venue + " credentials: " + String.join("; ", problems) + " (fields: "
                    + String.join(", ", usual.stream().map(f -> f.name() + (f.required() ? "" : "?")).toList())
                    + (other.isEmpty() ? "" : "; or " + String.join(", ", other.stream().map(Field::name).toList()))
                    + ")");
        }
        return clean;
    }

    /** A venue's other kind of credentials (Aster's V3 API wallet), empty for most venues. */
    public static List<Field> alternative(String venue) {
        of(venue);
        return ALTERNATIVE.getOrDefault(venue, List.of());
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    /** The venue's credential sets as environment variables: {@code A and B}, or {@code A and B, or C, D and E}. */
    public static String describeSets(String venue) {
        List<String> described = new java.util.ArrayList<>();
        for (List<Field> set : List.of(of(venue).stream().filter(Field::required).toList(), alternative(venue))) {
            List<String> variables = set.stream().map(Field::environmentVariable).toList();
            if (!variables.isEmpty()) {
                described.add(variables.size() == 1 ? variables.get(0) : String.join(", ",
                        variables.subList(0, variables.size() - 1)) + " and " + variables.get(variables.size() - 1));
            }
        }
        return String.join(", or ", described);
    }

    /**
     * The values found in the environment for a venue (only set variables; validate() names what is missing); Lighter's
     * private key is also read from the seed's {@code API_KEY_PRIVATE_KEY} when {@code LIGHTER_API_KEY_PRIVATE_KEY} is
     * not set.
     */
    public static Map<String, String> fromEnvironment(String venue, java.util.function.Function<String, String> env) {
        Map<String, String> values = new LinkedHashMap<>();
        List<Field> fields = new java.util.ArrayList<>(of(venue));
        fields.addAll(alternative(venue));
        for (Field field : fields) {
            String value = env.apply(field.environmentVariable());
            if ((value == null || value.isBlank()) && SEED_NAMES.containsKey(field.environmentVariable())) {
                value = env.apply(SEED_NAMES.get(field.environmentVariable()));
            }
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

    private static Field optional(String name, String env) {
        return new Field(name, env, false, false);
    }
}
