/**
 * Signing primitives venues share, on BouncyCastle: {@link dev.perpflow.exchange.crypto.Keccak} (Ethereum's
 * keccak-256), {@link dev.perpflow.exchange.crypto.EthPrivateKey} and
 * {@link dev.perpflow.exchange.crypto.EthSignature} (secp256k1 as Ethereum wallets sign: RFC 6979 nonces, low
 * {@code s}, {@code v} 27/28, address recovery), {@link dev.perpflow.exchange.crypto.EthAddress} (EIP-55) and
 * {@link dev.perpflow.exchange.crypto.TypedData} (EIP-712 hashing). Used by Aster V3 today and by Hyperliquid,
 * GRVT and EdgeX next; every primitive is tested against its specification's published vectors (this module's
 * tests), so a venue module tests only how it builds the message it signs.
 */
package dev.perpflow.exchange.crypto;
