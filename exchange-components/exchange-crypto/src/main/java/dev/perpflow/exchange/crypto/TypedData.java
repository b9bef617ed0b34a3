package dev.perpflow.exchange.crypto;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * EIP-712 typed structured data: struct types (each an ordered list of fields) and the standard's hashing:
 * {@code encodeType} (the primary type, then every referenced struct type sorted by name), {@code typeHash},
 * {@code encodeData} (32 bytes per member), {@code hashStruct} and the signing digest
 * {@code keccak256(0x19 0x01 ‖ domainSeparator ‖ hashStruct(message))}.
 *
 * <p>Member types: {@code string} and {@code bytes} (hashed), {@code address}, {@code bool}, {@code uint8..256},
 * {@code int8..256}, {@code bytes1..32} and references to other structs (given as maps). Arrays are not supported.
 * Values: {@code String} for strings and addresses ({@code 0x} + 40 hex), {@code BigInteger}, {@code Long},
 * {@code Integer} or a decimal string for integers, {@code byte[]} for bytes, {@code Boolean}, {@code Map} for structs.
 */
public final class TypedData {

    /** The domain struct's name; its type must be among the types to compute a domain separator. */
    public static final String DOMAIN_TYPE = "EIP712Domain";

    /** One struct member. */
    public record Field(String name, String type) {
        public Field {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
        }
    }

    private final Map<String, List<Field>> types;

    public TypedData(Map<String, List<Field>> types) {
        Map<String, List<Field>> copy = new LinkedHashMap<>();
        types.forEach((name, fields) -> copy.put(name, List.copyOf(fields)));
        this.types = Map.copyOf(copy);
    }

    /** {@code Name(type1 name1,...)} of {@code primaryType} followed by its referenced structs sorted by name. */
    public String encodeType(String primaryType) {
        Set<String> referenced = new TreeSet<>();
        collectReferences(primaryType, referenced, new LinkedHashSet<>());
        referenced.remove(primaryType);
        StringBuilder out = new StringBuilder(signature(primaryType));
        referenced.forEach(type -> out.append(signature(type)));
        return out.toString();
    }

    public byte[] typeHash(String primaryType) {
        return Keccak.hash(encodeType(primaryType));
    }

    /** {@code typeHash ‖ enc(member1) ‖ ... ‖ enc(memberN)}. */
    public byte[] encodeData(String type, Map<String, ?> value) {
        List<Field> fields = fields(type);
        byte[] out = new byte[32 * (fields.size() + 1)];
        System.arraycopy(typeHash(type), 0, out, 0, 32);
        for (int i = 0; i < fields.size(); i++) {
            Field field = fields.get(i);
            if (!value.containsKey(field.name())) {
                throw new IllegalArgumentException(type + "." + field.name() + " has no value");
            }
            System.arraycopy(encodeValue(type + "." + field.name(), field.type(), value.get(field.name())), 0, out,
                    32 * (i + 1), 32);
        }
        return out;
    }

    public byte[] hashStruct(String type, Map<String, ?> value) {
        return Keccak.hash(encodeData(type, value));
    }

    public byte[] domainSeparator(Map<String, ?> domain) {
        return hashStruct(DOMAIN_TYPE, domain);
    }

    /** The 32 bytes that are signed: {@code keccak256(0x1901 ‖ domainSeparator ‖ hashStruct(message))}. */
    public byte[] digest(Map<String, ?> domain, String primaryType, Map<String, ?> message) {
        return Keccak.hash(new byte[] {0x19, 0x01}, domainSeparator(domain), hashStruct(primaryType, message));
    }

    private List<Field> fields(String type) {
        List<Field> fields = types.get(type);
        if (fields == null) {
            throw new IllegalArgumentException("unknown struct type " + type);
        }
        return fields;
    }

    private String signature(String type) {
        List<String> members = new ArrayList<>();
        fields(type).forEach(f -> members.add(f.type() + " " + f.name()));
        return type + "(" + String.join(",", members) + ")";
    }

    private void collectReferences(String type, Set<String> found, Set<String> visiting) {
        if (!types.containsKey(type) || !visiting.add(type)) {
            return;
        }
        found.add(type);
        for (Field field : fields(type)) {
            String base = field.type().contains("[") ? field.type().substring(0, field.type().indexOf('['))
                    : field.type();
            collectReferences(base, found, visiting);
        }
    }

    private byte[] encodeValue(String where, String type, Object value) {
        Objects.requireNonNull(value, () -> where + " is null");
        if (types.containsKey(type)) {
            if (!(value instanceof Map<?, ?> struct)) {
                throw new IllegalArgumentException(where + " must be a map for struct " + type);
            }
            @SuppressWarnings("unchecked")
            Map<String, ?> members = (Map<String, ?>) struct;
            return hashStruct(type, members);
        }
        if (type.endsWith("]")) {
            throw new IllegalArgumentException(where + ": array members are not supported");
        }
        return switch (type) {
            case "string" -> Keccak.hash(((String) value).getBytes(StandardCharsets.UTF_8));
            case "bytes" -> Keccak.hash((byte[]) value);
            case "address" -> word(EthAddress.bytes((String) value));
            case "bool" -> word(Boolean.TRUE.equals(value) ? new byte[] {1} : new byte[0]);
            default -> {
                if (type.startsWith("uint")) {
                    yield integer(where, bits(type, "uint"), false, value);
                } else if (type.startsWith("int")) {
                    yield integer(where, bits(type, "int"), true, value);
                } else if (type.startsWith("bytes")) {
                    yield fixedBytes(where, type, (byte[]) value);
                }
                throw new IllegalArgumentException(where + ": unsupported type " + type);
            }
        };
    }

    private static int bits(String type, String prefix) {
        int bits = Integer.parseInt(type.substring(prefix.length()));
        if (bits < 8 || bits > 256 || bits % 8 != 0) {
            throw new IllegalArgumentException("invalid integer type " + type);
        }
        return bits;
    }

    private static byte[] integer(String where, int bits, boolean signed, Object value) {
        BigInteger number = value instanceof BigInteger big ? big
                : value instanceof Long || value instanceof Integer ? BigInteger.valueOf(((Number) value).longValue())
                : new BigInteger(value.toString());
        BigInteger min = signed ? BigInteger.ONE.shiftLeft(bits - 1).negate() : BigInteger.ZERO;
        BigInteger max = (signed ? BigInteger.ONE.shiftLeft(bits - 1) : BigInteger.ONE.shiftLeft(bits))
                .subtract(BigInteger.ONE);
        if (number.compareTo(min) < 0 || number.compareTo(max) > 0) {
            throw new IllegalArgumentException(where + " is out of range for " + (signed ? "int" : "uint") + bits);
        }
        byte[] out = new byte[32];
        if (number.signum() < 0) {
            java.util.Arrays.fill(out, (byte) 0xff); // sign-extended to 256 bits
        }
        byte[] raw = number.toByteArray();
        int length = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - length, out, 32 - length, length);
        return out;
    }

    private static byte[] fixedBytes(String where, String type, byte[] value) {
        int size = Integer.parseInt(type.substring("bytes".length()));
        if (size < 1 || size > 32 || value.length != size) {
            throw new IllegalArgumentException(where + " must be exactly " + size + " bytes for " + type);
        }
        byte[] out = new byte[32]; // bytesN are padded on the right
        System.arraycopy(value, 0, out, 0, size);
        return out;
    }

    /** Left-pads {@code value} to one 32-byte word. */
    private static byte[] word(byte[] value) {
        byte[] out = new byte[32];
        System.arraycopy(value, 0, out, 32 - value.length, value.length);
        return out;
    }
}
