package dev.perpflow.component.lighter.dto;

/**
 * {@code POST /api/v1/sendTx}: the transaction was accepted (code 200), not yet executed; the sequencer may still
 * refuse it (the order then shows as cancelled with a reason).
 */
public record LighterTxResponse(Integer code, String message, String txHash, Long predictedExecutionTimeMs) {
}
