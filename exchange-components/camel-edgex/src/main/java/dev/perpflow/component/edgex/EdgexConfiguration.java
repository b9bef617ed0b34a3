package dev.perpflow.component.edgex;

import dev.perpflow.exchange.component.VenueConfiguration;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * How to reach EdgeX (API v2) and as whom: REST and stream URLs (production {@value #PRODUCTION_REST_URL} and
 * {@value #PRODUCTION_WS_URL}, the hosts of EdgeX's v2 SDK), optional credentials (public data needs none: the
 * account id, the API key with passphrase and secret for the request HMAC, and the trading key for the order
 * signature; or an {@link EdgexCredentials} bean), the timeout of one REST call and the request budget.
 */
@UriParams
public class EdgexConfiguration extends VenueConfiguration {

    public static final String PRODUCTION_REST_URL = "https://edgex-prod-v2.edgex.exchange";
    public static final String PRODUCTION_WS_URL = "wss://edgex-quote-prod-v2.edgex.exchange";
    /** EdgeX publishes no REST budget: a conservative 10 requests per second. */
    public static final int REQUESTS_PER_SECOND = 10;

    @UriParam(label = "security", description = "The EdgeX account id (EDGEX_ACCOUNT_ID); needed for trading only.")
    private String accountId;

    @UriParam(label = "security", secret = true, description = "API key (EDGEX_API_KEY).")
    private String apiKey;

    @UriParam(label = "security", secret = true, description = "API key passphrase (EDGEX_API_PASSPHRASE).")
    private String apiPassphrase;

    @UriParam(label = "security", secret = true, description = "API key secret that signs requests"
            + " (EDGEX_API_SECRET).")
    private String apiSecret;

    @UriParam(label = "security", secret = true, description = "The trading key that signs orders (EIP-712,"
            + " secp256k1, 64 hex digits; EDGEX_TRADING_PRIVATE_KEY).")
    private String tradingPrivateKey;

    @UriParam(label = "security", description = "The account's credentials as a registry bean (#name) of type"
            + " EdgexCredentials; takes the place of the key options.")
    private EdgexCredentials account;

    @UriParam(label = "advanced", defaultValue = "" + REQUESTS_PER_SECOND,
              description = "The client's REST budget: requests per second, shared by all its calls.")
    private int requestsPerSecond = REQUESTS_PER_SECOND;

    public EdgexConfiguration() {
        super("edgex", PRODUCTION_REST_URL, PRODUCTION_WS_URL);
    }

    public static EdgexConfiguration production() {
        return new EdgexConfiguration();
    }

    public static EdgexConfiguration of(URI restUrl, URI wsUrl, EdgexCredentials credentials) {
        EdgexConfiguration configuration = new EdgexConfiguration();
        configuration.setRestUrl(restUrl.toString());
        configuration.setWsUrl(wsUrl.toString());
        return configuration.withCredentials(credentials);
    }

    public EdgexConfiguration copy() {
        return copyAs(EdgexConfiguration.class);
    }

    public EdgexConfiguration withCredentials(EdgexCredentials credentials) {
        EdgexConfiguration copy = copy();
        copy.account = credentials;
        copy.accountId = null;
        copy.apiKey = null;
        copy.apiPassphrase = null;
        copy.apiSecret = null;
        copy.tradingPrivateKey = null;
        return copy;
    }

    public EdgexConfiguration withVenue(String name) {
        EdgexConfiguration copy = copy();
        copy.setVenue(name);
        return copy;
    }

    public EdgexConfiguration withRequestTimeout(Duration timeout) {
        EdgexConfiguration copy = copy();
        copy.setRestTimeout(timeout.toMillis());
        return copy;
    }

    /** The credentials in effect, checked; {@code null} without. */
    public EdgexCredentials credentials() {
        if (account != null) {
            return account;
        }
        boolean none = isBlank(accountId) && isBlank(apiKey) && isBlank(apiPassphrase) && isBlank(apiSecret)
                && isBlank(tradingPrivateKey);
        return none ? null : EdgexCredentials.of(accountId, apiKey, apiPassphrase, apiSecret, tradingPrivateKey);
    }

    @Override
    public boolean hasCredentials() {
        return credentials() != null;
    }

    @Override
    protected List<Object> accountKey() {
        return Arrays.asList(credentials(), requestsPerSecond);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    public String getAccountId() {
        return accountId;
    }

    public void setAccountId(String accountId) {
        this.accountId = accountId;
    }

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public String getApiPassphrase() {
        return apiPassphrase;
    }

    public void setApiPassphrase(String apiPassphrase) {
        this.apiPassphrase = apiPassphrase;
    }

    public String getApiSecret() {
        return apiSecret;
    }

    public void setApiSecret(String apiSecret) {
        this.apiSecret = apiSecret;
    }

    public String getTradingPrivateKey() {
        return tradingPrivateKey;
    }

    public void setTradingPrivateKey(String tradingPrivateKey) {
        this.tradingPrivateKey = tradingPrivateKey;
    }

    public EdgexCredentials getAccount() {
        return account;
    }

    public void setAccount(EdgexCredentials account) {
        this.account = account;
    }

    public int getRequestsPerSecond() {
        return requestsPerSecond;
    }

    public void setRequestsPerSecond(int requestsPerSecond) {
        if (requestsPerSecond < 1) {
            throw new IllegalArgumentException("edgex: requestsPerSecond must be positive");
        }
        this.requestsPerSecond = requestsPerSecond;
    }
}
