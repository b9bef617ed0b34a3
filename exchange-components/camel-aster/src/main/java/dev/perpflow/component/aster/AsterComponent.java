package dev.perpflow.component.aster;

import dev.perpflow.exchange.ExchangeClient;
import dev.perpflow.exchange.component.ExchangeComponent;
import dev.perpflow.exchange.component.ExchangeEndpoint;
import dev.perpflow.exchange.component.ExchangeOperation;
import java.net.URI;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;

/**
 * Camel component for Aster ({@code aster:funding}, {@code aster:submitOrder}, ...). Configured with the REST and
 * stream URLs (production by default) and, for trading, either the V1 API key and secret ({@code authMode=HMAC_V1},
 * the default) or a V3 API wallet: user, signer and the signer's private key ({@code authMode=API_WALLET_V3}); or
 * given a ready {@link AsterConfig}.
 */
@Component("aster")
public class AsterComponent extends ExchangeComponent {

    @Metadata(description = "REST base URL.", defaultValue = AsterConfig.PRODUCTION_REST_URL)
    private String restUrl = AsterConfig.PRODUCTION_REST_URL;

    @Metadata(description = "WebSocket base URL.", defaultValue = AsterConfig.PRODUCTION_WS_URL)
    private String wsUrl = AsterConfig.PRODUCTION_WS_URL;

    @Metadata(label = "security", secret = true, description = "API key (ASTER_API_KEY); needed for trading only.")
    private String apiKey;

    @Metadata(label = "security", secret = true, description = "API secret (ASTER_SECRET_KEY); needed for trading only.")
    private String secretKey;

    @Metadata(label = "security", description = "How private calls authenticate: HMAC_V1 (API key and secret,"
            + " /fapi/v1 paths) or API_WALLET_V3 (API wallet signing EIP-712, /fapi/v3 paths).",
              defaultValue = "HMAC_V1", enums = "HMAC_V1,API_WALLET_V3")
    private AsterAuthMode authMode = AsterAuthMode.HMAC_V1;

    @Metadata(label = "security", description = "V3: main account wallet address (ASTER_USER).")
    private String user;

    @Metadata(label = "security", description = "V3: API wallet address approved for the user (ASTER_SIGNER).")
    private String signer;

    @Metadata(label = "security", secret = true,
              description = "V3: the API wallet's private key, 64 hex digits (ASTER_SIGNER_PRIVATE_KEY).")
    private String signerPrivateKey;

    private AsterConfig config;

    public AsterComponent() {
    }

    public AsterComponent(AsterConfig config) {
        this.config = config;
    }

    @Override
    protected ExchangeEndpoint createEndpoint(String uri, ExchangeOperation operation) {
        return new AsterEndpoint(uri, this, operation);
    }

    @Override
    protected ExchangeClient createClient() {
        AsterConfig effective = config;
        if (effective == null && authMode == AsterAuthMode.API_WALLET_V3) {
            if (apiKey != null || secretKey != null) {
                throw new IllegalArgumentException("aster: apiKey/secretKey are V1 settings; authMode is API_WALLET_V3");
            }
            effective = AsterConfig.ofApiWallet(URI.create(restUrl), URI.create(wsUrl), apiWallet());
        } else if (effective == null) {
            if (user != null || signer != null || signerPrivateKey != null) {
                throw new IllegalArgumentException("aster: user/signer/signerPrivateKey need authMode=API_WALLET_V3");
            }
            AsterCredentials credentials = apiKey == null && secretKey == null ? null
                    : AsterCredentials.of(apiKey, secretKey);
            effective = AsterConfig.of(URI.create(restUrl), URI.create(wsUrl), credentials);
        }
        return new AsterExchangeClient(effective);
    }

    /** All three V3 settings or none (public data only); a partial set is a setup mistake. */
    private AsterApiWalletCredentials apiWallet() {
        if (user == null && signer == null && signerPrivateKey == null) {
            return null;
        }
        if (user == null || signer == null || signerPrivateKey == null) {
            throw new IllegalArgumentException("aster: API_WALLET_V3 needs user, signer and signerPrivateKey; missing "
                    + (user == null ? "user " : "") + (signer == null ? "signer " : "")
                    + (signerPrivateKey == null ? "signerPrivateKey" : "").strip());
        }
        return AsterApiWalletCredentials.of(user, signer, signerPrivateKey);
    }

    public String getRestUrl() {
        return restUrl;
    }

    public void setRestUrl(String restUrl) {
        this.restUrl = restUrl;
    }

    public String getWsUrl() {
        return wsUrl;
    }

    public void setWsUrl(String wsUrl) {
        this.wsUrl = wsUrl;
    }

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public String getSecretKey() {
        return secretKey;
    }

    public void setSecretKey(String secretKey) {
        this.secretKey = secretKey;
    }

    public AsterAuthMode getAuthMode() {
        return authMode;
    }

    public void setAuthMode(AsterAuthMode authMode) {
        this.authMode = authMode;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getSigner() {
        return signer;
    }

    public void setSigner(String signer) {
        this.signer = signer;
    }

    public String getSignerPrivateKey() {
        return signerPrivateKey;
    }

    public void setSignerPrivateKey(String signerPrivateKey) {
        this.signerPrivateKey = signerPrivateKey;
    }
}
