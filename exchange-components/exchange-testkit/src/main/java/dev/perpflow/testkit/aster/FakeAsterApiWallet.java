package dev.perpflow.testkit.aster;

import dev.perpflow.testkit.Eip712Recovery;
import dev.perpflow.testkit.FakeRequest;
import dev.perpflow.testkit.FakeVenueServer;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fake Aster's check of a V3 API-wallet request, as the V3 futures docs describe it: the parameter string as
 * received (without {@code signature}) is the EIP-712 message; the address recovered from {@code signature} must
 * be the {@code signer} sent, and that signer must be the API wallet registered for the {@code user} sent; the
 * {@code nonce} (µs) must be within 10 s of now and not among the user's last 100 nonces (nor older than all of
 * them once 100 are kept).
 */
final class FakeAsterApiWallet {

    static final long NONCE_WINDOW_MICROS = 10_000_000L;
    static final int NONCES_KEPT = 100;
    private static final byte[] DOMAIN_SEPARATOR = Eip712Recovery.keccak(Eip712Recovery.concat(
            Eip712Recovery.typeHash("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"),
            Eip712Recovery.string("AsterSignTransaction"), Eip712Recovery.string("1"),
            Eip712Recovery.word(BigInteger.valueOf(1666)), new byte[32]));
    private static final byte[] MESSAGE_TYPE_HASH = Eip712Recovery.typeHash("Message(string msg)");

    private final String user;
    private final String signer;
    private final Map<String, TreeSet<Long>> recentNonces = new ConcurrentHashMap<>();

    FakeAsterApiWallet(String user, String signer) {
        this.user = requireAddress(user, "user");
        this.signer = requireAddress(signer, "signer");
    }

    /** Verifies {@code request} and returns its parameters (without {@code signature}). */
    Map<String, String> verify(FakeRequest request) {
        String query = request.rawQuery();
        String body = request.bodyText();
        String[] signature = {null};
        String strippedQuery = strip(query, signature);
        String strippedBody = strip(body, signature);
        if (signature[0] == null) {
            throw new FakeAster.AsterError(400, -1102,
                    "Mandatory parameter 'signature' was not sent, was empty/null, or malformed.");
        }
        String msg = strippedQuery.isEmpty() ? strippedBody
                : strippedBody.isEmpty() ? strippedQuery : strippedQuery + "&" + strippedBody;
        Map<String, String> params = new LinkedHashMap<>();
        FakeVenueServer.parseForm(strippedQuery).forEach((k, v) -> params.put(k, v.get(0)));
        FakeVenueServer.parseForm(strippedBody).forEach((k, v) -> params.put(k, v.get(0)));
        String sentUser = mandatory(params, "user");
        String sentSigner = mandatory(params, "signer");
        long nonce = parseNonce(mandatory(params, "nonce"));
        Optional<String> recovered = Eip712Recovery.recoverAddress(asterDigest(msg), signature[0]);
        if (recovered.isEmpty() || !recovered.get().equalsIgnoreCase(sentSigner)) {
            throw new FakeAster.AsterError(400, -1022, "Signature for this request is not valid.");
        }
        if (!sentUser.equalsIgnoreCase(user) || !sentSigner.equalsIgnoreCase(signer)) {
            throw new FakeAster.AsterError(401, -2015, "Invalid API-key, IP, or permissions for action.");
        }
        checkNonce(sentUser.toLowerCase(Locale.ROOT), nonce);
        return params;
    }

    private void checkNonce(String account, long nonce) {
        long now = System.currentTimeMillis() * 1_000L;
        if (Math.abs(now - nonce) > NONCE_WINDOW_MICROS) {
            throw new FakeAster.AsterError(400, -4225, "Nonce Expired");
        }
        TreeSet<Long> seen = recentNonces.computeIfAbsent(account, a -> new TreeSet<>());
        synchronized (seen) {
            if (seen.contains(nonce)) {
                throw new FakeAster.AsterError(400, -4225, "Nonce Expired: duplicate request");
            }
            if (seen.size() >= NONCES_KEPT && nonce < seen.first()) {
                throw new FakeAster.AsterError(400, -4225, "Nonce Expired");
            }
            seen.add(nonce);
            if (seen.size() > NONCES_KEPT) {
                seen.pollFirst();
            }
        }
    }

    /** The EIP-712 digest Aster's API wallet signs for the parameter string {@code msg}. */
    static byte[] asterDigest(String msg) {
        return Eip712Recovery.digest(DOMAIN_SEPARATOR,
                Eip712Recovery.keccak(Eip712Recovery.concat(MESSAGE_TYPE_HASH, Eip712Recovery.string(msg))));
    }

    /** {@code source} without its {@code signature=} pair; the signature value goes to {@code found[0]}. */
    private static String strip(String source, String[] found) {
        StringBuilder kept = new StringBuilder();
        for (String pair : source.isEmpty() ? new String[0] : source.split("&")) {
            if (pair.startsWith("signature=")) {
                found[0] = pair.substring("signature=".length());
            } else {
                kept.append(kept.length() == 0 ? "" : "&").append(pair);
            }
        }
        return kept.toString();
    }

    private static String mandatory(Map<String, String> params, String name) {
        String value = params.get(name);
        if (value == null || value.isEmpty()) {
            throw new FakeAster.AsterError(400, -1102,
                    "Mandatory parameter '" + name + "' was not sent, was empty/null, or malformed.");
        }
        return value;
    }

    private static long parseNonce(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new FakeAster.AsterError(400, -1102,
                    "Mandatory parameter 'nonce' was not sent, was empty/null, or malformed.");
        }
    }

    private static String requireAddress(String address, String name) {
        if (address == null || !address.matches("^0x[0-9a-fA-F]{40}$")) {
            throw new IllegalArgumentException(name + " must be an address (0x and 40 hex digits): " + address);
        }
        return address;
    }
}
