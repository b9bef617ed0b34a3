package dev.perpflow.component.aster;

import dev.perpflow.component.aster.client.AsterSigner;
import static org.assertj.core.api.Assertions.assertThat;

import dev.perpflow.exchange.auth.Secret;
import org.junit.jupiter.api.Test;

class AsterSignerTest {

    private static final String SECRET = "2b5eb11e18796d12d88f13dc27dbbd02c2cc51ff7059765ed9821957d82bb4d9";

    @Test
    void signsTheOfficialBinanceAndAsterExample() {
        // Binance USD-M "General Info" / Aster V1 docs example
        String payload = "symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=1&price=9000&timeInForce=GTC&recvWindow=5000"
                + "&timestamp=1591702613943";

        assertThat(AsterSigner.hmac(Secret.of(SECRET)).sign(payload))
                .isEqualTo("3c661234138461fcc7a7d8746c6558c9842d4e10870d2ecbedf7777cad694af9");
    }

    @Test
    void signsQueryAndBodyConcatenatedWithoutSeparator() {
        // the Binance rule for mixed requests: totalParams = query ‖ body (value computed independently, not official)
        assertThat(AsterSigner.hmac(Secret.of(SECRET)).sign("symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC"
                + "quantity=1&price=9000&recvWindow=5000&timestamp=1591702613943"))
                .isEqualTo("30baaf0fab549bbeda7f5ef201898b34122da25fd23c646cac2c529aebe670a4");
    }

    @Test
    void neverPrintsTheSecret() {
        AsterCredentials credentials = AsterCredentials.of(
                "dbefbc809e3e83c283a984c3a1459732ea7db1360ca80c5c2c8867408d28cc83", SECRET);

        assertThat(credentials.toString()).doesNotContain(SECRET).doesNotContain("dbefbc809e3e83c2");
        assertThat(AsterSigner.hmac(credentials.secretKey()).toString()).doesNotContain(SECRET);
    }
}
