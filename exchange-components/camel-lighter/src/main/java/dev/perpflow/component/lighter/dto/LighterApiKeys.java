package dev.perpflow.component.lighter.dto;

import java.util.List;

/** {@code GET /api/v1/apikeys?account_index[&api_key_index]}: the public keys registered for an account. */
public record LighterApiKeys(Integer code, String message, List<Key> apiKeys) {

    /** @param publicKey the 40-byte public key as hex */
    public record Key(Long accountIndex, Integer apiKeyIndex, Long nonce, String publicKey) {
    }
}
