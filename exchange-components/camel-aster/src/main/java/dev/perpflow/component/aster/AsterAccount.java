package dev.perpflow.component.aster;

/**
 * The credentials of one Aster account, either kind: a V1 API key and secret ({@link AsterCredentials}) or a V3 API
 * wallet ({@link AsterApiWalletCredentials}). As a registry bean it is what the {@code account} option names, so one
 * Camel context can trade several accounts ({@code aster:submitOrder?account=#alice}).
 */
public sealed interface AsterAccount permits AsterCredentials, AsterApiWalletCredentials {

    /** The signing scheme these credentials use. */
    AsterAuthMode authMode();
}
