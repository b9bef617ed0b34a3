package dev.perpflow.component.hyperliquid.client;

import dev.perpflow.exchange.auth.Secret;
import dev.perpflow.exchange.crypto.EthAddress;
import dev.perpflow.exchange.crypto.EthPrivateKey;
import dev.perpflow.exchange.crypto.EthSignature;
import dev.perpflow.exchange.crypto.Keccak;
import dev.perpflow.exchange.crypto.TypedData;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hyperliquid's signatures ({@code hyperliquid/utils/signing.py} of the official Python SDK), with the account's key
 * or an API wallet ("agent") key approved for it:
 * <ul>
 * <li>L1 actions (orders, cancels, leverage): {@code actionHash = keccak256(msgpack(action) ‖ nonce (8 bytes, big
 * endian) ‖ 0x00 | 0x01 ‖ vaultAddress [‖ 0x00 ‖ expiresAfter (8 bytes)])}; the "phantom agent"
 * {@code Agent(string source,bytes32 connectionId)} with {@code source} "a" on mainnet, "b" on testnet and
 * {@code connectionId} = that hash is signed under the EIP-712 domain {@code Exchange}, version 1, chain id 1337,
 * verifying contract zero;</li>
 * <li>user-signed actions (transfers, withdrawals, agent approval): the action itself, with {@code hyperliquidChain}
 * "Mainnet"/"Testnet" and {@code signatureChainId} 0x66eee, under the domain {@code HyperliquidSignTransaction},
 * version 1, chain id 0x66eee.</li>
 * </ul>
 * Prints the signer's address only.
 */
public final class HyperliquidSigner {

    /** Chain id of the L1 action domain (an off-chain identifier). */
    public static final long L1_CHAIN_ID = 1337;
    /** {@code signatureChainId} of user-signed actions, as the SDK sends it. */
    public static final String SIGNATURE_CHAIN_ID = "0x66eee";
    private static final String ZERO_ADDRESS = "0x0000000000000000000000000000000000000000";
    private static final List<TypedData.Field> DOMAIN_FIELDS = List.of(new TypedData.Field("name", "string"),
            new TypedData.Field("version", "string"), new TypedData.Field("chainId", "uint256"),
            new TypedData.Field("verifyingContract", "address"));
    private static final TypedData AGENT = new TypedData(Map.of(TypedData.DOMAIN_TYPE, DOMAIN_FIELDS, "Agent",
            List.of(new TypedData.Field("source", "string"), new TypedData.Field("connectionId", "bytes32"))));
    private static final Map<String, Object> L1_DOMAIN = Map.of("name", "Exchange", "version", "1", "chainId",
            BigInteger.valueOf(L1_CHAIN_ID), "verifyingContract", ZERO_ADDRESS);

    private final EthPrivateKey key;
    private final boolean mainnet;

    private HyperliquidSigner(EthPrivateKey key, boolean mainnet) {
        this.key = key;
        this.mainnet = mainnet;
    }

    /** A signer with {@code privateKey} (the account's or an API wallet's) for mainnet or testnet. */
    public static HyperliquidSigner of(Secret privateKey, boolean mainnet) {
        return new HyperliquidSigner(EthPrivateKey.of(privateKey), mainnet);
    }

    /** The address whose key signs (the account's, or the API wallet's). */
    public String address() {
        return key.address();
    }

    public boolean isMainnet() {
        return mainnet;
    }

    /** Signs an L1 action sent with {@code nonce}, for the account itself ({@code vaultAddress} null) or a vault. */
    public EthSignature signL1Action(Map<String, ?> action, String vaultAddress, long nonce, Long expiresAfter) {
        return key.sign(l1Digest(actionHash(action, vaultAddress, nonce, expiresAfter), mainnet));
    }

    /** Signs a user-signed action of {@code primaryType} (e.g. {@code HyperliquidTransaction:UsdSend}). */
    public EthSignature signUserAction(String primaryType, List<TypedData.Field> fields, Map<String, Object> action) {
        return key.sign(userActionDigest(primaryType, fields, action, mainnet));
    }

    /** {@code keccak256(msgpack(action) ‖ nonce ‖ vault flag [‖ vault] [‖ 0x00 ‖ expiresAfter])}. */
    public static byte[] actionHash(Map<String, ?> action, String vaultAddress, long nonce, Long expiresAfter) {
        byte[] packed = HyperliquidMsgpack.pack(action);
        ByteBuffer tail = ByteBuffer.allocate(8 + 1 + 20 + 9);
        tail.putLong(nonce);
        if (vaultAddress == null) {
            tail.put((byte) 0);
        } else {
            tail.put((byte) 1).put(EthAddress.bytes(vaultAddress));
        }
        if (expiresAfter != null) {
            tail.put((byte) 0).putLong(expiresAfter);
        }
        byte[] suffix = new byte[tail.position()];
        tail.flip().get(suffix);
        return Keccak.hash(packed, suffix);
    }

    /** The EIP-712 digest of the phantom agent for {@code actionHash}. */
    public static byte[] l1Digest(byte[] actionHash, boolean mainnet) {
        Map<String, Object> agent = new LinkedHashMap<>();
        agent.put("source", mainnet ? "a" : "b");
        agent.put("connectionId", actionHash);
        return AGENT.digest(L1_DOMAIN, "Agent", agent);
    }

    /**
     * The EIP-712 digest of a user-signed action: {@code action} gets {@code signatureChainId} and
     * {@code hyperliquidChain} (as the SDK adds them before signing and sending) and is hashed with {@code fields}.
     */
    public static byte[] userActionDigest(String primaryType, List<TypedData.Field> fields, Map<String, Object> action,
            boolean mainnet) {
        action.put("signatureChainId", SIGNATURE_CHAIN_ID);
        action.put("hyperliquidChain", mainnet ? "Mainnet" : "Testnet");
        BigInteger chainId = new BigInteger(SIGNATURE_CHAIN_ID.substring(2), 16);
        TypedData types = new TypedData(Map.of(TypedData.DOMAIN_TYPE, DOMAIN_FIELDS, primaryType,
                new ArrayList<>(fields)));
        Map<String, Object> domain = Map.of("name", "HyperliquidSignTransaction", "version", "1", "chainId", chainId,
                "verifyingContract", ZERO_ADDRESS);
        return types.digest(domain, primaryType, action);
    }

    /** {@code {"r": "0x…", "s": "0x…", "v": 27|28}} as the SDK writes it ({@code r}, {@code s} without leading zeros). */
    public static Map<String, Object> wire(EthSignature signature) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("r", "0x" + signature.r().toString(16));
        out.put("s", "0x" + signature.s().toString(16));
        out.put("v", signature.v());
        return out;
    }

    @Override
    public String toString() {
        return "HyperliquidSigner[" + key.address() + ", " + (mainnet ? "mainnet" : "testnet") + "]";
    }
}
