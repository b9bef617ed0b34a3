package dev.perpflow.component.lighter;

import dev.perpflow.lighter.signer.LighterKey;
import dev.perpflow.lighter.signer.Scalar;

/** The test account: the private key of venues.md §8 Schnorr case 1, account 281, API key index 3. */
final class LighterTestKeys {

    static final LighterKey KEY = LighterKey.of(Scalar.ofLimbs(Long.parseUnsignedLong("12235002942052073545"),
            1175977464658719998L, 8536934969147463310L, 6524687619313720391L, 2922072024880609112L));
    static final String PRIVATE_KEY_HEX = KEY.privateKeyHex();
    static final long ACCOUNT = 281;
    static final int API_KEY_INDEX = 3;
    /** Another key, not registered at the venue. */
    static final LighterKey OTHER = LighterKey.of(Scalar.ofLimbs(7, 7, 7, 7, 7));

    private LighterTestKeys() {
    }

    static LighterCredentials credentials() {
        return LighterCredentials.of(KEY, ACCOUNT, API_KEY_INDEX);
    }
}
