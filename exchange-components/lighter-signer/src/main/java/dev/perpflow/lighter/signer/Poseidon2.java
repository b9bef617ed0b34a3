package dev.perpflow.lighter.signer;

import java.util.Arrays;

/**
 * Poseidon2 over the Goldilocks field as Lighter hashes with it (the "plonky2" variant of elliottech/poseidon_crypto):
 * width 12, rate 8, S-box x^7, 8 full rounds (4 before and 4 after) around 22 partial rounds, Plonky3's 4x4 MDS
 * block for the external layer and its diagonal for the internal layer. The sponge absorbs without padding: each
 * block of up to 8 elements overwrites the front of the state, then the state is permuted; output is read from the
 * first 8 lanes, permuting again between reads.
 *
 * <p>The round constants and the internal diagonal are the algorithm's parameters, transcribed from
 * elliottech/poseidon_crypto {@code hash/poseidon2_goldilocks_plonky2/config.go} (Apache-2.0; the diagonal is
 * Plonky3's {@code MATRIX_DIAG_12_GOLDILOCKS}). {@code LighterSignerVectorsTest} checks the permutation against that
 * repository's published vector. Lighter's other Poseidon2 ({@code hash/poseidon2_goldilocks}, used for auth tokens)
 * has the same constants and layers, so it is this same function.
 */
public final class Poseidon2 {

    public static final int WIDTH = 12;
    public static final int RATE = 8;
    private static final int HALF_FULL_ROUNDS = 4;
    private static final int PARTIAL_ROUNDS = 22;

    private static final long[][] EXTERNAL = {
        {0xD70193D17AB3B7D6L, 0xA2C3662A78A9162BL, 0x7A9FDA827556AD44L, 0xE8D5501818C99643L,
            0x4C7A8FCED4D5FD38L, 0x55AB38985C0C513DL, 0x28A17BD016210B0BL, 0x8F8277679EC32FA8L,
            0x768B3C3D68A460E9L, 0x872A022EB559D941L, 0xD1316DD4B3B97973L, 0xA7B608E578321000L},
        {0x3FA02C87B0BEE026L, 0x7A38F0022E13C31EL, 0x00C054F3C5E8D20DL, 0x439F50F4BCA7242FL,
            0x4D0938AA57CD517FL, 0xB2E03AC5FB6B9A7DL, 0xE29D1F4237BEDCA8L, 0x05B7C844BC99B848L,
            0x91CC0B73F34E17EDL, 0x876E4427694BD755L, 0x67002AE0725C612DL, 0x05351F20E0B6315FL},
        {0x2E3B9EF5457EB60BL, 0xD9AC17618C3783DDL, 0x0807528AD8874BCFL, 0xC78D546A455D2A0EL,
            0xF8B930C81E2481F0L, 0x712707D8DFF3B041L, 0xDCB8C0AA0B9D34C3L, 0x9BADDBDF2EE3A468L,
            0x2DD16D50C5176C78L, 0x89EAC5CFBC075CD3L, 0x2A741DEA181587F3L, 0x1A4D6AA85A113D84L},
        {0x4D736286A2387E34L, 0x8BAD5DFC4FCB3EE3L, 0x84FBD03ADB77C56AL, 0x8D5CDD1A23EC53A2L,
            0x036F08F08FFF28ECL, 0xB717A3F4DBDFB443L, 0x58A074B5509D645CL, 0xF92BF834E4B87718L,
            0x1541C3A0BAA5AC4BL, 0x22149E6783E67692L, 0x9BE8B5D9E112476FL, 0x41E0969F62BABB76L},
        {0xBC585AD3B9443DBBL, 0xF28DD3206975CBB1L, 0xDD8815E53CA045E0L, 0xDE82C416B9E701BAL,
            0xC5CB875233AFA025L, 0x7212697CD897FFA9L, 0x67844790AA63CFD7L, 0xDC0B9CFA97FE65C3L,
            0xE8FE091869A82070L, 0x62902BB2E413C6D1L, 0x29F9F5001FB84F57L, 0xBE1014796EF5F8BEL},
        {0x71FEB53E9BDBA19CL, 0x251054F592EBB71CL, 0xE1A57643A4BB284BL, 0xA4BA6F87A45B739BL,
            0x2C1FCADE0B958C49L, 0xBBB424CDA9A3E360L, 0x2CA647354C5F3F54L, 0xC9277B64D152E084L,
            0xDBC9AC97445EFF17L, 0x6F6CDF3198969F70L, 0x1DE29D14FA76D8F1L, 0x73337458A8CC1D19L},
        {0xB87E775E2FB3AB23L, 0xF166A1C7A565C80BL, 0xB24BE06F426C747FL, 0xC281E8C49482CE00L,
            0x51974C3B3B726C2DL, 0x87444CF8CAF7D619L, 0x7C362F827A580CEDL, 0x9567AF14667647A0L,
            0xCBF0473CBEC54E37L, 0xE3209DEDEFF4F620L, 0xD43AD94E45A4C4EEL, 0x976981EE73F41768L},
        {0xEF707A224E207258L, 0x2FC779E10E6362EEL, 0x29B5EE60AD8C891FL, 0x96B37B39D8BFD667L,
            0x877DF68A8B22E733L, 0x5C41746F562C8D9FL, 0x0C9D76751052B71AL, 0xFB3465341BF1C087L,
            0xA0D14DC614D15EB1L, 0xDC27D17136906FA6L, 0x482E163B05EC397FL, 0x0273A462992366EFL},
    };
    private static final long[] INTERNAL = {
        0xA571418D95897B60L, 0x8F32676574FCF6D3L, 0x731102D4E3FB1BBEL, 0x0330F08328A82D2BL,
        0x7F0449B6557F785DL, 0x62F06210658DCBCBL, 0xD5A98AF9F89C458BL, 0x77EC69083A346385L,
        0xEF7CA48BBC27F890L, 0x53E9652F61EAC532L, 0xA71C634ABFF4F0CCL, 0xB16F5F0D7E28EA29L,
        0xC9DDE31D0A003AB2L, 0x2DDADF9775902533L, 0xE4FA73FB16408B47L, 0x90242EBC00D2EE59L,
        0xBB02DFFD9F381982L, 0xDEA328364C50907CL, 0x1395D3B924857CF8L, 0x7D3EAD0D5AEC04E6L,
        0xC2F12BE3FED74668L, 0x0BA3C338F8C3D285L,
    };
    private static final long[] DIAGONAL = {
        0xC3B6C08E23BA9300L, 0xD84B5DE94A324FB6L, 0x0D0C371C5B35B84FL, 0x7964F570E7188037L,
        0x5DAF18BBD996604BL, 0x6743BC47B9595257L, 0x5528B9362C59BB70L, 0xAC45E25B7127B68BL,
        0xA2077D7DFBB606B5L, 0xF3FAAC6FAEE378AEL, 0x0C6388B51545E883L, 0xD27DBB6944917B60L,
    };

    private Poseidon2() {
    }

    /** Hashes field elements (any 64-bit values, reduced mod p) to an element of GF(p^5). */
    public static Fp5 hashToQuinticExtension(long... input) {
        return Fp5.of(hashNoPad(input, 5));
    }

    /** The sponge without padding: {@code outputs} elements squeezed after absorbing {@code input}. */
    public static long[] hashNoPad(long[] input, int outputs) {
        long[] state = new long[WIDTH];
        for (int start = 0; start < input.length; start += RATE) {
            for (int j = 0; j < RATE && start + j < input.length; j++) {
                state[j] = Goldilocks.canonical(input[start + j]);
            }
            permute(state);
        }
        long[] out = new long[outputs];
        int written = 0;
        while (true) {
            for (int i = 0; i < RATE; i++) {
                out[written++] = state[i];
                if (written == outputs) {
                    return out;
                }
            }
            permute(state);
        }
    }

    /** The permutation, in place on a state of 12 canonical elements. */
    public static void permute(long[] state) {
        if (state.length != WIDTH) {
            throw new IllegalArgumentException("the state has " + WIDTH + " elements, got " + state.length);
        }
        externalLayer(state);
        for (int round = 0; round < HALF_FULL_ROUNDS; round++) {
            fullRound(state, round);
        }
        for (int round = 0; round < PARTIAL_ROUNDS; round++) {
            state[0] = sbox(Goldilocks.add(state[0], INTERNAL[round]));
            internalLayer(state);
        }
        for (int round = HALF_FULL_ROUNDS; round < 2 * HALF_FULL_ROUNDS; round++) {
            fullRound(state, round);
        }
    }

    /** The permutation of a copy (for tests and callers that keep their input). */
    public static long[] permuted(long[] state) {
        long[] copy = Arrays.copyOf(state, state.length);
        for (int i = 0; i < copy.length; i++) {
            copy[i] = Goldilocks.canonical(copy[i]);
        }
        permute(copy);
        return copy;
    }

    private static void fullRound(long[] state, int round) {
        long[] constants = EXTERNAL[round];
        for (int i = 0; i < WIDTH; i++) {
            state[i] = sbox(Goldilocks.add(state[i], constants[i]));
        }
        externalLayer(state);
    }

    private static long sbox(long x) {
        long x2 = Goldilocks.square(x);
        long x3 = Goldilocks.mul(x2, x);
        return Goldilocks.mul(Goldilocks.square(x3), x);
    }

    /**
     * Each block of four times the circulant-like matrix [[2,3,1,1],[1,2,3,1],[1,1,2,3],[3,1,1,2]], then each lane
     * plus the sum of its position over the three blocks.
     */
    private static void externalLayer(long[] s) {
        for (int i = 0; i < WIDTH; i += 4) {
            long x0 = s[i];
            long x1 = s[i + 1];
            long x2 = s[i + 2];
            long x3 = s[i + 3];
            long t01 = Goldilocks.add(x0, x1);
            long t23 = Goldilocks.add(x2, x3);
            long t0123 = Goldilocks.add(t01, t23);
            s[i] = Goldilocks.add(Goldilocks.add(t0123, t01), x1);
            s[i + 1] = Goldilocks.add(Goldilocks.add(t0123, x1), Goldilocks.add(x2, x2));
            s[i + 2] = Goldilocks.add(Goldilocks.add(t0123, t23), x3);
            s[i + 3] = Goldilocks.add(Goldilocks.add(t0123, x3), Goldilocks.add(x0, x0));
        }
        for (int k = 0; k < 4; k++) {
            long sum = Goldilocks.add(Goldilocks.add(s[k], s[k + 4]), s[k + 8]);
            s[k] = Goldilocks.add(s[k], sum);
            s[k + 4] = Goldilocks.add(s[k + 4], sum);
            s[k + 8] = Goldilocks.add(s[k + 8], sum);
        }
    }

    /** Each lane times its diagonal entry, plus the sum of all lanes. */
    private static void internalLayer(long[] s) {
        long sum = 0;
        for (long lane : s) {
            sum = Goldilocks.add(sum, lane);
        }
        for (int i = 0; i < WIDTH; i++) {
            s[i] = Goldilocks.add(Goldilocks.mul(s[i], DIAGONAL[i]), sum);
        }
    }
}
