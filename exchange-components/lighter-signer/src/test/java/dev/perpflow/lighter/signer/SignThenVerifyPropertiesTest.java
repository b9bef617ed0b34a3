package dev.perpflow.lighter.signer;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Sign-then-verify over random keys and messages: every signature verifies with its key, and fails with another key,
 * another message or a changed signature. Keys are drawn from the whole scalar range (40 random bytes, reduced), messages
 * from any number of field elements hashed with Poseidon2.
 */
class SignThenVerifyPropertiesTest {

    @Provide
    Arbitrary<Scalar> keys() {
        return Arbitraries.bigIntegers().between(BigInteger.ONE, Scalar.ORDER.subtract(BigInteger.ONE)).map(Scalar::of);
    }

    @Provide
    Arbitrary<Fp5> messages() {
        return Arbitraries.longs().array(long[].class).ofMinSize(0).ofMaxSize(40)
                .map(Poseidon2::hashToQuinticExtension);
    }

    @Property(tries = 60)
    void aSignatureVerifiesWithItsKeyOnly(@ForAll("keys") Scalar secret, @ForAll("keys") Scalar other,
            @ForAll("messages") Fp5 message, @ForAll("messages") Fp5 otherMessage) {
        LighterKey key = LighterKey.of(secret);
        Schnorr.Signature signature = key.sign(message);
        assertThat(Schnorr.verify(key.publicKey(), message, signature)).isTrue();
        if (!other.equals(secret)) {
            assertThat(Schnorr.verify(Schnorr.publicKey(other), message, signature)).isFalse();
        }
        if (!otherMessage.equals(message)) {
            assertThat(Schnorr.verify(key.publicKey(), otherMessage, signature)).isFalse();
        }
    }

    @Property(tries = 40)
    void aChangedSignatureByteIsRefused(@ForAll("keys") Scalar secret, @ForAll("messages") Fp5 message,
            @ForAll("byteIndex") int index, @ForAll("flip") int flip) {
        LighterKey key = LighterKey.of(secret);
        byte[] bytes = key.sign(message).toBytes();
        byte[] tampered = bytes.clone();
        tampered[index] ^= (byte) flip;
        Schnorr.Signature changed = Schnorr.Signature.fromBytes(tampered);
        boolean sameValue = changed.equals(Schnorr.Signature.fromBytes(bytes)); // a flip that wraps mod n
        assertThat(Schnorr.verify(key.publicKey(), message, changed)).isEqualTo(sameValue);
    }

    @Provide
    Arbitrary<Integer> byteIndex() {
        return Arbitraries.integers().between(0, Schnorr.Signature.BYTES - 1);
    }

    @Provide
    Arbitrary<Integer> flip() {
        return Arbitraries.integers().between(1, 255);
    }

    @Property(tries = 20)
    void authTokensVerifyWithTheirKeyAndNamedAccount(@ForAll("keys") Scalar secret, @ForAll("accounts") long[] ids) {
        LighterKey key = LighterKey.of(secret);
        String token = LighterAuthToken.create(key, ids[0], ids[1], (int) ids[2]);
        LighterAuthToken.Parsed parsed = LighterAuthToken.parse(token).orElseThrow();
        assertThat(parsed.deadline()).isEqualTo(ids[0]);
        assertThat(parsed.accountIndex()).isEqualTo(ids[1]);
        assertThat(parsed.apiKeyIndex()).isEqualTo((int) ids[2]);
        assertThat(LighterAuthToken.verify(parsed, key.publicKey())).isTrue();
        String forged = ids[0] + ":" + (ids[1] + 1) + ":" + ids[2] + token.substring(token.lastIndexOf(':'));
        assertThat(LighterAuthToken.verify(LighterAuthToken.parse(forged).orElseThrow(), key.publicKey())).isFalse();
    }

    @Provide
    Arbitrary<long[]> accounts() {
        return Combinators.combine(Arbitraries.longs().between(1_700_000_000L, 2_000_000_000L),
                Arbitraries.longs().between(0, (1L << 47) - 2), Arbitraries.longs().between(0, 254))
                .as((deadline, account, apiKey) -> new long[] {deadline, account, apiKey});
    }
}
