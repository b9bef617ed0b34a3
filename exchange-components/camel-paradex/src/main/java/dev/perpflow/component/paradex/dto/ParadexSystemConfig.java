package dev.perpflow.component.paradex.dto;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The part of {@code GET /system/config} signing needs: the StarkNet chain id (a short string). */
public record ParadexSystemConfig(@JsonProperty("starknet_chain_id") String starknetChainId) {
}
