package dev.perpflow.testkit.hyperliquid;

import com.fasterxml.jackson.databind.JsonNode;
import dev.perpflow.testkit.Eip712Recovery;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The fake Hyperliquid's check of an {@code /exchange} request, as the venue describes it: the action received is
 * rebuilt in the venue's own field order with canonical number strings (a client that signed anything else recovers
 * to another address), packed as msgpack (a packer of its own, not the client's library), hashed with the nonce and
 * vault flag, wrapped in the phantom agent ({@code Agent(string source,bytes32 connectionId)}, domain {@code Exchange},
 * chain 1337) and the signer recovered from {@code r, s, v}; it must be the account or one of its approved API
 * wallets. Nonces must lie within (now − 2 days, now + 1 day) and not repeat among the signer's 100 highest, nor be
 * lower than all of them.
 */
final class HyperliquidFakeAuth {

    static final long NONCE_PAST_MS = 2L * 24 * 3600 * 1000;
    static final long NONCE_FUTURE_MS = 24L * 3600 * 1000;
    static final int NONCES_KEPT = 100;

    private static final byte[] DOMAIN = Eip712Recovery.keccak(Eip712Recovery.concat(
            Eip712Recovery.typeHash("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"),
            Eip712Recovery.string("Exchange"), Eip712Recovery.string("1"), Eip712Recovery.word(BigInteger.valueOf(1337)),
            new byte[32]));
    private static final byte[] AGENT = Eip712Recovery.typeHash("Agent(string source,bytes32 connectionId)");

    private final String account;
    private final Set<String> signers = ConcurrentHashMap.newKeySet();
    private final boolean mainnet;
    private final LongSupplier clock;
    private final Map<String, TreeSet<Long>> nonces = new ConcurrentHashMap<>();

    HyperliquidFakeAuth(String account, List<String> apiWallets, boolean mainnet, LongSupplier clock) {
        this.account = account.toLowerCase(Locale.ROOT);
        this.signers.add(this.account);
        apiWallets.forEach(w -> signers.add(w.toLowerCase(Locale.ROOT)));
        this.mainnet = mainnet;
        this.clock = clock;
    }

    String account() {
        return account;
    }

    void approve(String apiWallet) {
        signers.add(apiWallet.toLowerCase(Locale.ROOT));
    }

    void revoke(String apiWallet) {
        signers.remove(apiWallet.toLowerCase(Locale.ROOT));
    }

    /** Verifies a request body; returns the error text the venue answers, or empty when it is accepted. */
    Optional<String> verify(JsonNode body) {
        JsonNode action = body.path("action");
        JsonNode signature = body.path("signature");
        if (!action.isObject() || !body.path("nonce").canConvertToLong() || !signature.isObject()) {
            return Optional.of("Failed to deserialize the JSON body into the target type");
        }
        long nonce = body.get("nonce").asLong();
        String vault = body.path("vaultAddress").isTextual() ? body.get("vaultAddress").asText() : null;
        Long expiresAfter = body.path("expiresAfter").canConvertToLong() ? body.get("expiresAfter").asLong() : null;
        byte[] hash = actionHash(canonical(action), vault, nonce, expiresAfter);
        byte[] struct = Eip712Recovery.keccak(Eip712Recovery.concat(AGENT, Eip712Recovery.string(mainnet ? "a" : "b"),
                hash));
        Optional<String> recovered;
        try {
            recovered = Eip712Recovery.recoverAddress(Eip712Recovery.digest(DOMAIN, struct),
                    number(signature.path("r").asText()), number(signature.path("s").asText()),
                    signature.path("v").asInt());
        } catch (RuntimeException e) {
            recovered = Optional.empty();
        }
        String signer = recovered.orElse("0x0000000000000000000000000000000000000000");
        if (!signers.contains(signer)) {
            return Optional.of("User or API Wallet " + signer + " does not exist.");
        }
        return checkNonce(signer, nonce);
    }

    private Optional<String> checkNonce(String signer, long nonce) {
        long now = clock.getAsLong();
        if (nonce <= now - NONCE_PAST_MS || nonce >= now + NONCE_FUTURE_MS) {
            return Optional.of("Invalid nonce: nonce must be within (T - 2 days, T + 1 day)");
        }
        TreeSet<Long> seen = nonces.computeIfAbsent(signer, s -> new TreeSet<>());
        synchronized (seen) {
            if (seen.contains(nonce) || (seen.size() >= NONCES_KEPT && nonce < seen.first())) {
                return Optional.of("Invalid nonce: duplicate or too old nonce " + nonce);
            }
            seen.add(nonce);
            if (seen.size() > NONCES_KEPT) {
                seen.pollFirst();
            }
        }
        return Optional.empty();
    }

    private static BigInteger number(String hex) {
        return new BigInteger(hex.startsWith("0x") ? hex.substring(2) : hex, 16);
    }

    // --- the action as the venue hashes it ---

    /** The received action rebuilt in the venue's field order, numbers in canonical form. */
    static Object canonical(JsonNode action) {
        String type = action.path("type").asText();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", type);
        switch (type) {
            case "order" -> {
                List<Object> orders = new ArrayList<>();
                for (JsonNode order : action.path("orders")) {
                    Map<String, Object> wire = new LinkedHashMap<>();
                    wire.put("a", order.path("a").asLong());
                    wire.put("b", order.path("b").asBoolean());
                    wire.put("p", decimal(order.path("p").asText()));
                    wire.put("s", decimal(order.path("s").asText()));
                    wire.put("r", order.path("r").asBoolean());
                    JsonNode t = order.path("t");
                    if (t.has("limit")) {
                        wire.put("t", Map.of("limit", Map.of("tif", t.path("limit").path("tif").asText())));
                    } else {
                        Map<String, Object> trigger = new LinkedHashMap<>();
                        trigger.put("isMarket", t.path("trigger").path("isMarket").asBoolean());
                        trigger.put("triggerPx", decimal(t.path("trigger").path("triggerPx").asText()));
                        trigger.put("tpsl", t.path("trigger").path("tpsl").asText());
                        wire.put("t", Map.of("trigger", trigger));
                    }
                    if (order.hasNonNull("c")) {
                        wire.put("c", order.get("c").asText());
                    }
                    orders.add(wire);
                }
                out.put("orders", orders);
                out.put("grouping", action.path("grouping").asText());
            }
            case "cancel" -> {
                List<Object> cancels = new ArrayList<>();
                for (JsonNode cancel : action.path("cancels")) {
                    Map<String, Object> c = new LinkedHashMap<>();
                    c.put("a", cancel.path("a").asLong());
                    c.put("o", cancel.path("o").asLong());
                    cancels.add(c);
                }
                out.put("cancels", cancels);
            }
            case "cancelByCloid" -> {
                List<Object> cancels = new ArrayList<>();
                for (JsonNode cancel : action.path("cancels")) {
                    Map<String, Object> c = new LinkedHashMap<>();
                    c.put("asset", cancel.path("asset").asLong());
                    c.put("cloid", cancel.path("cloid").asText());
                    cancels.add(c);
                }
                out.put("cancels", cancels);
            }
            case "updateLeverage" -> {
                out.put("asset", action.path("asset").asLong());
                out.put("isCross", action.path("isCross").asBoolean());
                out.put("leverage", action.path("leverage").asLong());
            }
            default -> {
                return plain(action);
            }
        }
        return out;
    }

    private static String decimal(String text) {
        BigDecimal value = new BigDecimal(text).stripTrailingZeros();
        return value.signum() == 0 ? "0" : value.scale() < 0 ? value.setScale(0).toPlainString() : value.toPlainString();
    }

    private static Object plain(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                map.put(field.getKey(), plain(field.getValue()));
            }
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(item -> list.add(plain(item)));
            return list;
        }
        if (node.isIntegralNumber()) {
            return node.bigIntegerValue();
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        return node.isNull() ? null : node.asText();
    }

    static byte[] actionHash(Object action, String vault, long nonce, Long expiresAfter) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        pack(out, action);
        for (int i = 7; i >= 0; i--) {
            out.write((int) (nonce >>> (8 * i)) & 0xff);
        }
        if (vault == null) {
            out.write(0);
        } else {
            out.write(1);
            out.writeBytes(HexFormat.of().parseHex(vault.substring(2)));
        }
        if (expiresAfter != null) {
            out.write(0);
            for (int i = 7; i >= 0; i--) {
                out.write((int) (expiresAfter >>> (8 * i)) & 0xff);
            }
        }
        return Eip712Recovery.keccak(out.toByteArray());
    }

    /** msgpack as Python's packer writes it: fixmap/map16, fixarray/array16, fixstr/str8/str16, smallest integers. */
    private static void pack(ByteArrayOutputStream out, Object value) {
        if (value == null) {
            out.write(0xc0);
        } else if (value instanceof Boolean flag) {
            out.write(flag ? 0xc3 : 0xc2);
        } else if (value instanceof Long || value instanceof Integer) {
            packInteger(out, BigInteger.valueOf(((Number) value).longValue()));
        } else if (value instanceof BigInteger big) {
            packInteger(out, big);
        } else if (value instanceof String text) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            if (bytes.length < 32) {
                out.write(0xa0 | bytes.length);
            } else if (bytes.length < 256) {
                out.write(0xd9);
                out.write(bytes.length);
            } else {
                out.write(0xda);
                out.write(bytes.length >>> 8);
                out.write(bytes.length & 0xff);
            }
            out.writeBytes(bytes);
        } else if (value instanceof Map<?, ?> map) {
            header(out, map.size(), 0x80, 0xde);
            map.forEach((k, v) -> {
                pack(out, k);
                pack(out, v);
            });
        } else if (value instanceof List<?> list) {
            header(out, list.size(), 0x90, 0xdc);
            list.forEach(item -> pack(out, item));
        } else {
            throw new IllegalArgumentException("cannot pack " + value.getClass());
        }
    }

    private static void header(ByteArrayOutputStream out, int size, int fix, int sixteen) {
        if (size < 16) {
            out.write(fix | size);
        } else {
            out.write(sixteen);
            out.write(size >>> 8);
            out.write(size & 0xff);
        }
    }

    private static void packInteger(ByteArrayOutputStream out, BigInteger value) {
        if (value.signum() >= 0) {
            if (value.compareTo(BigInteger.valueOf(128)) < 0) {
                out.write(value.intValue());
            } else if (value.bitLength() <= 8) {
                out.write(0xcc);
                bytes(out, value, 1);
            } else if (value.bitLength() <= 16) {
                out.write(0xcd);
                bytes(out, value, 2);
            } else if (value.bitLength() <= 32) {
                out.write(0xce);
                bytes(out, value, 4);
            } else {
                out.write(0xcf);
                bytes(out, value, 8);
            }
        } else if (value.compareTo(BigInteger.valueOf(-32)) >= 0) {
            out.write(value.intValue() & 0xff);
        } else {
            out.write(0xd3);
            bytes(out, value.add(BigInteger.ONE.shiftLeft(64)), 8);
        }
    }

    private static void bytes(ByteArrayOutputStream out, BigInteger value, int size) {
        for (int i = size - 1; i >= 0; i--) {
            out.write(value.shiftRight(8 * i).intValue() & 0xff);
        }
    }
}
