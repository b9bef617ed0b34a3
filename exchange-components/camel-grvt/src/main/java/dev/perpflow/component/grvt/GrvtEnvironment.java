package dev.perpflow.component.grvt;

/**
 * GRVT's environments and the EIP-712 chain id each signs orders for ({@code grvt_raw_signing.CHAIN_IDS} of the
 * pysdk): production 325, testnet 326, dev 327. The seed's {@code environment} field ({@code GRVT_ENVIRONMENT}) names
 * one; production when absent.
 */
public enum GrvtEnvironment {
    PROD(325),
    TESTNET(326),
    DEV(327);

    private final long chainId;

    GrvtEnvironment(long chainId) {
        this.chainId = chainId;
    }

    public long chainId() {
        return chainId;
    }

    /** {@code prod}, {@code production}, {@code testnet}, {@code dev} (any case); {@code null} or blank is production. */
    public static GrvtEnvironment parse(String value) {
        if (value == null || value.isBlank()) {
            return PROD;
        }
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "prod", "production", "mainnet" -> PROD;
            case "testnet" -> TESTNET;
            case "dev" -> DEV;
            default -> throw new IllegalArgumentException("grvt: environment must be prod, testnet or dev, was " + value);
        };
    }
}
