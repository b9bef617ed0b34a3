package dev.perpflow.lighter.signer;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/**
 * The curve and its field against the ECgFp5 reference vectors (T. Pornin's ecgfp5, as carried by
 * elliottech/poseidon_crypto {@code curve/ecgfp5/curve_test.go}): encodings that must not decode, decoded points whose
 * sums and doublings encode as published, a scalar multiplication, and the generator as the point encoded by 4.
 */
class EcgFp5Test {

    private static Fp5 fp5(String... limbs) {
        long[] c = new long[5];
        for (int i = 0; i < 5; i++) {
            c[i] = Long.parseUnsignedLong(limbs[i]);
        }
        return Fp5.of(c);
    }

    // P1 random, P2 = e·P1, P3 = P1 + P2, P4 = 2·P1, P5 = 2·P2, P6 = 2·P1 + P2, P7 = P1 + 2·P2
    private static final Fp5 W1 = fp5("12539254003028696409", "15524144070600887654", "15092036948424041984",
            "11398871370327264211", "10958391180505708567");
    private static final Fp5 W2 = fp5("11001943240060308920", "17075173755187928434", "3940989555384655766",
            "15017795574860011099", "5548543797011402287");
    private static final Fp5 W3 = fp5("246872606398642312", "4900963247917836450", "7327006728177203977",
            "13945036888436667069", "3062018119121328861");
    private static final Fp5 W4 = fp5("8058035104653144162", "16041715455419993830", "7448530016070824199",
            "11253639182222911208", "6228757819849640866");
    private static final Fp5 W5 = fp5("10523134687509281194", "11148711503117769087", "9056499921957594891",
            "13016664454465495026", "16494247923890248266");
    private static final Fp5 W6 = fp5("12173306542237620", "6587231965341539782", "17027985748515888117",
            "17194831817613584995", "10056734072351459010");
    private static final Fp5 W7 = fp5("9420857400785992333", "4695934009314206363", "14471922162341187302",
            "13395190104221781928", "16359223219913018041");

    @Test
    void fieldInversesSquareRootsAndTheNorm() {
        Fp5 a = W1;
        assertThat(a.mul(a.inverseOrZero())).isEqualTo(Fp5.ONE);
        Fp5 square = a.square();
        Fp5 root = square.sqrt();
        assertThat(root).isNotNull();
        assertThat(root.square()).isEqualTo(square);
        assertThat(square.legendre()).isEqualTo(1);
        assertThat(a.frobenius(5)).isEqualTo(a);
        assertThat(a.frobenius(1)).isEqualTo(a.pow(Goldilocks.P));
        assertThat(Goldilocks.mul(Goldilocks.inverse(123456789), 123456789)).isEqualTo(1);
        Long r = Goldilocks.sqrt(Goldilocks.square(987654321));
        assertThat(Goldilocks.square(r)).isEqualTo(Goldilocks.square(987654321));
    }

    @Test
    void referenceEncodingsDecodeAndTheirSumsEncodeAsPublished() {
        EcgFp5 p1 = EcgFp5.decode(W1);
        EcgFp5 p2 = EcgFp5.decode(W2);
        assertThat(p1).isNotNull();
        assertThat(p2).isNotNull();
        assertThat(p1.encode()).isEqualTo(W1);
        assertThat(p1.add(p2).encode()).isEqualTo(W3);
        assertThat(p1.add(p1).encode()).isEqualTo(W4);
        assertThat(p1.twice().encode()).isEqualTo(W4);
        assertThat(p2.twice().encode()).isEqualTo(W5);
        assertThat(p1.twice().add(p2).encode()).isEqualTo(W6);
        assertThat(p1.add(p2).add(p2).encode()).isEqualTo(W7);
        EcgFp5 neutral = EcgFp5.decode(Fp5.ZERO);
        assertThat(neutral.isNeutral()).isTrue();
        assertThat(neutral.add(p1).encode()).isEqualTo(W1);
        assertThat(neutral.twice().encode()).isEqualTo(Fp5.ZERO);
    }

    @Test
    void encodingsOfNoPointAreRefused() {
        assertThat(EcgFp5.decode(fp5("13557832913345268708", "15669280705791538619", "8534654657267986396",
                "12533218303838131749", "5058070698878426028"))).isNull();
        assertThat(EcgFp5.decode(fp5("135036726621282077", "17283229938160287622", "13113167081889323961",
                "1653240450380825271", "520025869628727862"))).isNull();
    }

    @Test
    void theGeneratorIsThePointEncodedByFour() {
        assertThat(EcgFp5.decode(Fp5.of(4, 0, 0, 0, 0))).isEqualTo(EcgFp5.GENERATOR);
        assertThat(EcgFp5.GENERATOR.encode()).isEqualTo(Fp5.of(4, 0, 0, 0, 0));
    }

    @Test
    void scalarMultiplicationMatchesTheReferenceAndTheGeneratorTable() {
        // TestScalarMul: the point (x, u=1) with t as given, so its encoding is t
        EcgFp5 point = EcgFp5.decode(fp5("7534507442095725921", "16658460051907528927", "12417574136563175256",
                "2750788641759288856", "620002843272906439"));
        Scalar k = Scalar.ofLimbs(996458928865875995L, 7368213710557165165L, 8553572641065079816L,
                Long.parseUnsignedLong("15282443801767955752"), 251150557732720826L);
        assertThat(point.multiply(k).encode()).isEqualTo(fp5("9486104512504676657", "14312981644741144668",
                "5159846406177847664", "15978863787033795628", "3249948839313771192"));
        assertThat(EcgFp5.multiplyGenerator(k)).isEqualTo(EcgFp5.GENERATOR.multiply(k));
        assertThat(EcgFp5.GENERATOR.multiply(Scalar.of(Scalar.ORDER.subtract(BigInteger.ONE)))
                .add(EcgFp5.GENERATOR).isNeutral()).isTrue();
    }

    @Test
    void theGroupOrderIsTheReferenceModulus() {
        assertThat(Scalar.ORDER).isEqualTo(new BigInteger("7FFFFFFD80000007" + "7FFFFFF100000016" + "7FFFFFE6CFB80639"
                + "E8885C39D724A09C" + "E80FD996948BFFE1", 16));
    }
}
