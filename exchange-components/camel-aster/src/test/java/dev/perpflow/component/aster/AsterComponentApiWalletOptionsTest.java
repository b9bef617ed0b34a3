package dev.perpflow.component.aster;

import static dev.perpflow.component.aster.AsterTradingTest.join;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perpflow.exchange.ExchangeClient;
import dev.perpflow.exchange.model.Order;
import dev.perpflow.exchange.model.OrderRequest;
import dev.perpflow.exchange.model.OrderStatus;
import dev.perpflow.exchange.model.Side;
import java.math.BigDecimal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The component's V3 options ({@code authMode}, {@code user}, {@code signer}, {@code signerPrivateKey}). */
class AsterComponentApiWalletOptionsTest {

    private final AsterFixture aster = AsterFixture.withApiWallet();

    @AfterEach
    void close() {
        aster.close();
    }

    @Test
    void apiWalletOptionsTradeWithV3Signing() {
        AsterComponent component = component();
        component.getConfiguration().setAuthMode(AsterAuthMode.API_WALLET_V3);
        component.getConfiguration().setUser(AsterFixture.USER);
        component.getConfiguration().setSigner(AsterFixture.SIGNER);
        component.getConfiguration().setSignerPrivateKey(AsterFixture.SIGNER_KEY);

        ExchangeClient client = component.createClient();
        try {
            Order order = join(client.submitOrder(OrderRequest.market("pf-v3-component", "ETH", Side.BUY,
                    BigDecimal.ONE, false)));

            assertThat(order.status()).isEqualTo(OrderStatus.FILLED);
            assertThat(client.toString()).contains("API_WALLET_V3").doesNotContain(AsterFixture.SIGNER_KEY.substring(2));
            assertThat(aster.fake.server().requests()).anyMatch(r -> r.path().equals("/fapi/v3/order"));
        } finally {
            client.close();
        }
    }

    @Test
    void aPartialApiWalletIsASetupErrorThatNamesWhatIsMissing() {
        AsterComponent component = component();
        component.getConfiguration().setAuthMode(AsterAuthMode.API_WALLET_V3);
        component.getConfiguration().setUser(AsterFixture.USER);
        component.getConfiguration().setSignerPrivateKey(AsterFixture.SIGNER_KEY);

        assertThatThrownBy(component::createClient).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("missing signer").hasMessageNotContaining(AsterFixture.SIGNER_KEY.substring(2));
    }

    @Test
    void settingsOfTheOtherModeAreRefused() {
        AsterComponent v1 = component();
        v1.getConfiguration().setSigner(AsterFixture.SIGNER);
        AsterComponent v3 = component();
        v3.getConfiguration().setAuthMode(AsterAuthMode.API_WALLET_V3);
        v3.getConfiguration().setApiKey(AsterFixture.API_KEY);

        assertThatThrownBy(v1::createClient).hasMessageContaining("API_WALLET_V3");
        assertThatThrownBy(v3::createClient).hasMessageContaining("V1");
    }

    private AsterComponent component() {
        AsterComponent component = new AsterComponent();
        component.getConfiguration().setRestUrl(aster.fake.restUrl().toString());
        component.getConfiguration().setWsUrl(aster.fake.wsUrl().toString());
        return component;
    }
}
