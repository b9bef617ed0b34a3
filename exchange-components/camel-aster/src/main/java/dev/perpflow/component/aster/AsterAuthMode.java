package dev.perpflow.component.aster;

/**
 * How private Aster calls authenticate. {@link #HMAC_V1}: API key header and HMAC-SHA256 over the parameters
 * ({@code /fapi/v1}, {@code /fapi/v2} paths). {@link #API_WALLET_V3}: Aster's recommended V3 scheme, an API wallet
 * signing each request's parameters as EIP-712 typed data ({@code /fapi/v3} paths).
 */
public enum AsterAuthMode {
    HMAC_V1,
    API_WALLET_V3
}
