package dev.perpflow.exchange.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The "Mail" example of EIP-712 (ethereum/EIPs {@code assets/eip-712/Example.js} @ 68b7c485, its chai assertions;
 * the full signature from {@code EIPS/eip-712.md}, "eth_signTypedData" Result). Private key keccak256("cow").
 */
class Eip712SignsTheSpecificationsMailExampleTest {

    private static final TypedData.Field NAME = new TypedData.Field("name", "string");

    private static final TypedData MAIL = new TypedData(Map.of(
            TypedData.DOMAIN_TYPE, List.of(NAME, new TypedData.Field("version", "string"),
                    new TypedData.Field("chainId", "uint256"), new TypedData.Field("verifyingContract", "address")),
            "Person", List.of(NAME, new TypedData.Field("wallet", "address")),
            "Mail", List.of(new TypedData.Field("from", "Person"), new TypedData.Field("to", "Person"),
                    new TypedData.Field("contents", "string"))));

    private static final Map<String, Object> DOMAIN = Map.of("name", "Ether Mail", "version", "1",
            "chainId", BigInteger.ONE, "verifyingContract", "0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC");

    private static final Map<String, Object> MESSAGE = Map.of(
            "from", Map.of("name", "Cow", "wallet", "0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826"),
            "to", Map.of("name", "Bob", "wallet", "0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB"),
            "contents", "Hello, Bob!");

    private static final EthPrivateKey COW = EthPrivateKey.of(Keccak.hash("cow"));

    @Test
    void encodesTheMailTypeWithItsReferencedPersonType() {
        assertThat(MAIL.encodeType("Mail"))
                .isEqualTo("Mail(Person from,Person to,string contents)Person(string name,address wallet)");
        assertThat(hex(MAIL.typeHash("Mail")))
                .isEqualTo("0xa0cedeb2dc280ba39b857546d74f5549c3a1d7bdc2dd96bf881f76108e23dac2");
    }

    @Test
    void encodesTheMessageDataWithNestedStructHashes() {
        assertThat(hex(MAIL.encodeData("Mail", MESSAGE))).isEqualTo("0x"
                + "a0cedeb2dc280ba39b857546d74f5549c3a1d7bdc2dd96bf881f76108e23dac2"
                + "fc71e5fa27ff56c350aa531bc129ebdf613b772b6604664f5d8dbe21b85eb0c8"
                + "cd54f074a4af31b4411ff6a60c9719dbd559c221c8ac3492d9d872b041d703d1"
                + "b5aadf3154a261abdd9086fc627b61efca26ae5702701d05cd2305f7c52a2fc8");
        assertThat(hex(MAIL.hashStruct("Mail", MESSAGE)))
                .isEqualTo("0xc52c0ee5d84264471806290a3f2c4cecfc5490626bf912d01f240d7a274b371e");
    }

    @Test
    void hashesTheDomainAndTheSigningDigest() {
        assertThat(hex(MAIL.domainSeparator(DOMAIN)))
                .isEqualTo("0xf2cee375fa42b42143804025fc449deafd50cc031ca257e0b194a650a912090f");
        assertThat(hex(MAIL.digest(DOMAIN, "Mail", MESSAGE)))
                .isEqualTo("0xbe609aee343fb3c4b28e1df9e632fca64fcfaede20f02e86244efddf30957bd2");
    }

    @Test
    void derivesCowsChecksummedAddress() {
        assertThat(COW.address()).isEqualTo("0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826");
    }

    @Test
    void signsDeterministicallyWithTheSpecificationsVAndRAndS() {
        EthSignature signature = COW.sign(MAIL.digest(DOMAIN, "Mail", MESSAGE));

        assertThat(signature.v()).isEqualTo(28);
        assertThat(hex(Secp256k1.unsigned32(signature.r())))
                .isEqualTo("0x4355c47d63924e8a72e509b65029052eb6c299d53a04e167c5775fd466751c9d");
        assertThat(hex(Secp256k1.unsigned32(signature.s())))
                .isEqualTo("0x07299936d304c153f6443dfa05f40ff007d72911b6f72307f996231605b91562");
        assertThat(signature.toHex()).isEqualTo("0x4355c47d63924e8a72e509b65029052eb6c299d53a04e167c5775fd466751c9d"
                + "07299936d304c153f6443dfa05f40ff007d72911b6f72307f996231605b915621c");
    }

    @Test
    void recoversTheSignerFromTheSpecificationsSignature() {
        EthSignature published = EthSignature.fromHex("0x4355c47d63924e8a72e509b65029052eb6c299d53a04e167c5775fd46"
                + "6751c9d07299936d304c153f6443dfa05f40ff007d72911b6f72307f996231605b915621c");

        assertThat(published.recoverAddress(MAIL.digest(DOMAIN, "Mail", MESSAGE)))
                .contains("0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826");
        assertThat(published.recoverAddress(MAIL.digest(DOMAIN, "Mail", Map.of("from", MESSAGE.get("from"),
                "to", MESSAGE.get("to"), "contents", "Hello, Eve!"))))
                .isNotEqualTo(java.util.Optional.of("0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826"));
    }

    @Test
    void earlierRevisionWithAnHttpOriginDomainFieldAlsoMatches() {
        // assets/eip-712/Example.js @ 18f02487: the same example with a five-field domain (string httpOrigin)
        TypedData withOrigin = new TypedData(Map.of(
                TypedData.DOMAIN_TYPE, List.of(NAME, new TypedData.Field("version", "string"),
                        new TypedData.Field("chainId", "uint256"), new TypedData.Field("httpOrigin", "string"),
                        new TypedData.Field("verifyingContract", "address")),
                "Person", List.of(NAME, new TypedData.Field("wallet", "address")),
                "Mail", List.of(new TypedData.Field("from", "Person"), new TypedData.Field("to", "Person"),
                        new TypedData.Field("contents", "string"))));
        Map<String, Object> domain = Map.of("name", "Ether Mail", "version", "1", "chainId", 1,
                "httpOrigin", "https://ether-mail.eth", "verifyingContract", "0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC");

        byte[] digest = withOrigin.digest(domain, "Mail", MESSAGE);
        EthSignature signature = COW.sign(digest);

        assertThat(hex(digest)).isEqualTo("0xa5f5fa6b05af38f2e9d2889ac36f5a4ba31e20646781d23739de458d86d6593e");
        assertThat(signature.v()).isEqualTo(27);
        assertThat(hex(Secp256k1.unsigned32(signature.r())))
                .isEqualTo("0x24040eda35064d96c51f3308b5fae290edae563327348886a366ed604e0c0480");
        assertThat(hex(Secp256k1.unsigned32(signature.s())))
                .isEqualTo("0x42bbabf2fae4b00598596a99d577dde56ff9d013e861f611cfe7b0728e1cd057");
    }

    private static String hex(byte[] bytes) {
        return "0x" + HexFormat.of().formatHex(bytes);
    }
}
