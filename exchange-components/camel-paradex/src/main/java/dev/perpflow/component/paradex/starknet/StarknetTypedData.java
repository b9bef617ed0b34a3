package dev.perpflow.component.paradex.starknet;

import com.fasterxml.jackson.databind.JsonNode;
import dev.perpflow.exchange.crypto.Keccak;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * StarkNet typed data (SNIP-12) read from its JSON form ({@code types}, {@code primaryType}, {@code domain},
 * {@code message}) and hashed as StarkNet wallets and Paradex hash it. Revision 0 (domain type {@code StarkNetDomain},
 * Pedersen chains, unquoted type strings) is what Paradex signs orders and auth requests with; revision 1 (domain
 * {@code StarknetDomain} with a {@code revision}, Poseidon, quoted type strings, {@code shortstring}, {@code u128},
 * {@code merkletree}) is what its block trades use and what its pinned message hashes check.
 *
 * <p>Values: {@code felt} / {@code shortstring} / {@code ContractAddress} / {@code ClassHash} accept a number, a
 * {@code 0x} hex string, a decimal string, or other text as a Cairo short string (starknet.py's {@code parse_felt});
 * revision 1 {@code string} is a long string (ByteArray, Poseidon); {@code bool}, {@code selector}, arrays
 * ({@code type*}) and {@code merkletree} (leaves sorted pairwise, a missing sibling is 0) as in starknet.py. Enums and
 * the preset types ({@code u256}, {@code TokenAmount}, {@code NftId}) are not needed by Paradex and are refused.
 */
public final class StarknetTypedData {

    private static final BigInteger MASK_250 = BigInteger.ONE.shiftLeft(250).subtract(BigInteger.ONE);
    private static final BigInteger U128_BOUND = BigInteger.ONE.shiftLeft(128);

    /** One member of a struct type; {@code contains} names the leaf type of a {@code merkletree}. */
    record Member(String name, String type, String contains) {
    }

    private final Map<String, List<Member>> types;
    private final String primaryType;
    private final JsonNode domain;
    private final JsonNode message;
    private final int revision;

    private StarknetTypedData(Map<String, List<Member>> types, String primaryType, JsonNode domain, JsonNode message,
            int revision) {
        this.types = types;
        this.primaryType = primaryType;
        this.domain = domain;
        this.message = message;
        this.revision = revision;
    }

    /** Typed data from its JSON object; the revision is the domain's {@code revision} (0 when absent). */
    public static StarknetTypedData of(JsonNode typedData) {
        Map<String, List<Member>> types = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = typedData.path("types").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> type = it.next();
            List<Member> members = new ArrayList<>();
            for (JsonNode member : type.getValue()) {
                members.add(new Member(member.path("name").asText(), member.path("type").asText(),
                        member.hasNonNull("contains") ? member.get("contains").asText() : null));
            }
            types.put(type.getKey(), List.copyOf(members));
        }
        JsonNode domain = Objects.requireNonNull(typedData.get("domain"), "typed data has no domain");
        int revision = domain.hasNonNull("revision") ? Integer.parseInt(domain.get("revision").asText()) : 0;
        if (revision != 0 && revision != 1) {
            throw new IllegalArgumentException("unknown SNIP-12 revision " + revision);
        }
        StarknetTypedData data = new StarknetTypedData(Map.copyOf(types), typedData.path("primaryType").asText(),
                domain, typedData.get("message"), revision);
        if (!types.containsKey(data.domainType())) {
            throw new IllegalArgumentException("types must contain " + data.domainType());
        }
        return data;
    }

    public int revision() {
        return revision;
    }

    /** The hash an account signs: {@code H("StarkNet Message", H(domain), account, H(message))}. */
    public BigInteger messageHash(BigInteger accountAddress) {
        return hashMany(List.of(StarkCurve.shortString("StarkNet Message"), structHash(domainType(), domain),
                accountAddress, structHash(primaryType, message)));
    }

    /** {@code H(typeHash, encoded members...)} of one struct value. */
    public BigInteger structHash(String type, JsonNode value) {
        List<BigInteger> encoded = new ArrayList<>();
        encoded.add(typeHash(type));
        for (Member member : members(type)) {
            JsonNode field = value.get(member.name());
            if (field == null || field.isNull()) {
                throw new IllegalArgumentException(type + "." + member.name() + " has no value");
            }
            encoded.add(encodeValue(type, member, member.type(), field));
        }
        return hashMany(encoded);
    }

    /** {@code starknet_keccak(encodeType(type))}. */
    public BigInteger typeHash(String type) {
        return starknetKeccak(encodeType(type));
    }

    /** The type and the struct types it references (sorted), each as {@code Name(member:type,...)}. */
    public String encodeType(String type) {
        List<String> dependencies = new ArrayList<>();
        Deque<String> toVisit = new ArrayDeque<>(List.of(type));
        dependencies.add(type);
        while (!toVisit.isEmpty()) {
            for (Member member : members(toVisit.removeFirst())) {
                String referenced = stripPointer(member.type());
                if (types.containsKey(referenced) && !dependencies.contains(referenced)) {
                    dependencies.add(referenced);
                    toVisit.add(referenced);
                }
            }
        }
        List<String> ordered = new ArrayList<>();
        ordered.add(type);
        ordered.addAll(new TreeSet<>(dependencies.subList(1, dependencies.size())));
        StringBuilder out = new StringBuilder();
        for (String name : ordered) {
            List<String> encoded = new ArrayList<>();
            for (Member member : members(name)) {
                encoded.add(escape(member.name()) + ":" + escape(member.type()));
            }
            out.append(escape(name)).append('(').append(String.join(",", encoded)).append(')');
        }
        return out.toString();
    }

    /** {@code keccak256(text) mod 2^250} (StarkNet's selector hash). */
    public static BigInteger starknetKeccak(String text) {
        return new BigInteger(1, Keccak.hash(text.getBytes(StandardCharsets.US_ASCII))).and(MASK_250);
    }

    /** starknet.py's {@code parse_felt}: a number, {@code 0x} hex, decimal digits, else a short string. */
    public static BigInteger parseFelt(JsonNode value) {
        if (value.isNumber()) {
            return value.bigIntegerValue();
        }
        String text = value.asText();
        if (text.startsWith("0x") || text.startsWith("0X")) {
            return new BigInteger(text.substring(2), 16);
        }
        if (!text.isEmpty() && text.chars().allMatch(Character::isDigit)) {
            return new BigInteger(text);
        }
        return StarkCurve.shortString(text);
    }

    private String domainType() {
        return revision == 0 ? "StarkNetDomain" : "StarknetDomain";
    }

    private List<Member> members(String type) {
        List<Member> members = types.get(type);
        if (members == null) {
            throw new IllegalArgumentException("type " + type + " is not defined");
        }
        return members;
    }

    private BigInteger encodeValue(String parent, Member member, String type, JsonNode value) {
        if (types.containsKey(type) && value.isObject()) {
            return structHash(type, value);
        }
        if (type.endsWith("*") && value.isArray()) {
            String element = stripPointer(type);
            List<BigInteger> hashes = new ArrayList<>();
            for (JsonNode item : value) {
                hashes.add(encodeValue(parent, member, element, item));
            }
            return hashMany(hashes);
        }
        switch (type) {
            case "felt", "shortstring", "ContractAddress", "ClassHash" -> {
                requireRevision(type, type.equals("felt") ? 0 : 1);
                return parseFelt(value);
            }
            case "string" -> {
                return revision == 0 ? parseFelt(value) : longString(value.asText());
            }
            case "u128", "timestamp" -> {
                requireRevision(type, 1);
                BigInteger number = parseFelt(value);
                if (number.signum() < 0 || number.compareTo(U128_BOUND) >= 0) {
                    throw new IllegalArgumentException(parent + "." + member.name() + " is out of range for u128");
                }
                return number;
            }
            case "bool" -> {
                String text = value.asText();
                return switch (text) {
                    case "true", "1", "0x1" -> BigInteger.ONE;
                    case "false", "0", "0x0" -> BigInteger.ZERO;
                    default -> throw new IllegalArgumentException(parent + "." + member.name() + " is not a bool");
                };
            }
            case "selector" -> {
                String text = value.asText();
                return text.startsWith("0x") || text.chars().allMatch(Character::isDigit) ? parseFelt(value)
                        : starknetKeccak(text);
            }
            case "merkletree" -> {
                if (member.contains() == null || !value.isArray()) {
                    throw new IllegalArgumentException(parent + "." + member.name() + ": a merkletree needs"
                            + " 'contains' and an array of leaves");
                }
                List<BigInteger> leaves = new ArrayList<>();
                for (JsonNode leaf : value) {
                    leaves.add(encodeValue(parent, member, member.contains(), leaf));
                }
                return merkleRoot(leaves);
            }
            default -> throw new IllegalArgumentException(parent + "." + member.name() + ": type " + type
                    + " is not supported here");
        }
    }

    private void requireRevision(String type, int lowest) {
        if (revision < lowest) {
            throw new IllegalArgumentException("type " + type + " needs SNIP-12 revision " + lowest);
        }
    }

    private BigInteger merkleRoot(List<BigInteger> leaves) {
        if (leaves.isEmpty()) {
            throw new IllegalArgumentException("a merkletree needs at least one leaf");
        }
        List<BigInteger> level = leaves;
        while (level.size() > 1) {
            List<BigInteger> next = new ArrayList<>();
            for (int i = 0; i < level.size(); i += 2) {
                BigInteger a = level.get(i);
                BigInteger b = i + 1 < level.size() ? level.get(i + 1) : BigInteger.ZERO;
                next.add(a.compareTo(b) <= 0 ? hash(a, b) : hash(b, a));
            }
            level = next;
        }
        return level.get(0);
    }

    /** Revision 1 {@code string}: the ByteArray serialization (31-byte words, pending word, its length), hashed. */
    private BigInteger longString(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int words = bytes.length / 31;
        List<BigInteger> serialized = new ArrayList<>();
        serialized.add(BigInteger.valueOf(words));
        for (int i = 0; i < words; i++) {
            serialized.add(new BigInteger(1, java.util.Arrays.copyOfRange(bytes, 31 * i, 31 * i + 31)));
        }
        byte[] pending = java.util.Arrays.copyOfRange(bytes, 31 * words, bytes.length);
        serialized.add(pending.length == 0 ? BigInteger.ZERO : new BigInteger(1, pending));
        serialized.add(BigInteger.valueOf(pending.length));
        return hashMany(serialized);
    }

    /** ByteArray-serialized Poseidon hash of a text, as Paradex's full-node request signing uses. */
    public static BigInteger poseidonOfText(String text) {
        return new StarknetTypedData(Map.of(), "", null, null, 1).longString(text);
    }

    private BigInteger hash(BigInteger a, BigInteger b) {
        return revision == 0 ? Pedersen.hash(a, b) : Poseidon.hash(a, b);
    }

    private BigInteger hashMany(List<BigInteger> values) {
        return revision == 0 ? Pedersen.hashMany(values) : Poseidon.hashMany(values);
    }

    private String escape(String text) {
        return revision == 0 ? text : "\"" + text + "\"";
    }

    private static String stripPointer(String type) {
        return type.endsWith("*") ? type.substring(0, type.length() - 1) : type;
    }
}
