package dev.perpflow.component.grvt;

import dev.perpflow.exchange.component.VenueConfiguration;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * How to reach GRVT and as whom. GRVT serves three hosts: market data ({@code restUrl}, production
 * {@value #PRODUCTION_REST_URL}; WebSocket {@value #PRODUCTION_WS_URL}), trading ({@code tradesUrl},
 * {@value #PRODUCTION_TRADES_URL}; WebSocket {@code tradesWsUrl}, derived from it when not set) and login
 * ({@code authUrl}, {@value #PRODUCTION_AUTH_URL}). The environment decides the chain id orders are signed for.
 * Credentials (public data needs none): the trading account id, the signer's private key and the API key, or a
 * {@link GrvtCredentials} bean. Component options, and endpoint options overriding them for one endpoint.
 */
@UriParams
public class GrvtConfiguration extends VenueConfiguration {

    public static final String PRODUCTION_REST_URL = "https://market-data.grvt.io";
    public static final String PRODUCTION_WS_URL = "wss://market-data.grvt.io/ws/full";
    public static final String PRODUCTION_TRADES_URL = "https://trades.grvt.io";
    public static final String PRODUCTION_AUTH_URL = "https://edge.grvt.io";
    /** GRVT publishes its limits per tier, not as one number: a conservative budget of 20 requests a second. */
    public static final int REQUESTS_PER_MINUTE = 1200;

    @UriParam(description = "Trading host (create/cancel order, positions, fills).",
              defaultValue = PRODUCTION_TRADES_URL)
    private String tradesUrl = PRODUCTION_TRADES_URL;

    @UriParam(description = "Trading WebSocket (order, fill and position feeds); the trading host's /ws/full when not"
            + " set.")
    private String tradesWsUrl;

    @UriParam(description = "Login host (API key login → session cookie).", defaultValue = PRODUCTION_AUTH_URL)
    private String authUrl = PRODUCTION_AUTH_URL;

    @UriParam(defaultValue = "PROD", enums = "PROD,TESTNET,DEV",
              description = "The environment: decides the chain id orders are signed for (325, 326, 327).")
    private GrvtEnvironment environment = GrvtEnvironment.PROD;

    @UriParam(label = "security", description = "The trading (sub) account id (GRVT_TRADING_ACCOUNT_ID).")
    private String tradingAccountId;

    @UriParam(label = "security", secret = true,
              description = "The API key signer's private key, 64 hex digits (GRVT_PRIVATE_KEY).")
    private String privateKey;

    @UriParam(label = "security", secret = true, description = "The API key that logs in (GRVT_API_KEY).")
    private String apiKey;

    @UriParam(label = "security", description = "The account's credentials as a registry bean (#name) of type"
            + " GrvtCredentials; takes the place of the key options.")
    private GrvtCredentials account;

    @UriParam(label = "advanced", defaultValue = "" + REQUESTS_PER_MINUTE,
              description = "The client's REST budget in requests per minute, shared by all its calls and hosts.")
    private int requestsPerMinute = REQUESTS_PER_MINUTE;

    @UriParam(label = "advanced", defaultValue = "86400000",
              description = "How long an order's signature is valid (milliseconds; GRVT allows up to 30 days).")
    private long signatureValidity = Duration.ofDays(1).toMillis();

    public GrvtConfiguration() {
        super("grvt", PRODUCTION_REST_URL, PRODUCTION_WS_URL);
    }

    public static GrvtConfiguration production() {
        return new GrvtConfiguration();
    }

    /** These hosts (market data, its WebSocket, trading, login), production environment, the credentials. */
    public static GrvtConfiguration of(URI restUrl, URI wsUrl, URI tradesUrl, URI authUrl, GrvtCredentials credentials) {
        GrvtConfiguration configuration = new GrvtConfiguration();
        configuration.setRestUrl(restUrl.toString());
        configuration.setWsUrl(wsUrl.toString());
        configuration.tradesUrl = tradesUrl.toString();
        configuration.authUrl = authUrl.toString();
        return configuration.withCredentials(credentials);
    }

    public GrvtConfiguration copy() {
        return copyAs(GrvtConfiguration.class);
    }

    public GrvtConfiguration withCredentials(GrvtCredentials credentials) {
        GrvtConfiguration copy = copy();
        copy.account = credentials;
        copy.tradingAccountId = null;
        copy.privateKey = null;
        copy.apiKey = null;
        return copy;
    }

    public GrvtConfiguration withEnvironment(GrvtEnvironment value) {
        GrvtConfiguration copy = copy();
        copy.environment = value;
        return copy;
    }

    public GrvtConfiguration withTradesWsUrl(String value) {
        GrvtConfiguration copy = copy();
        copy.tradesWsUrl = value;
        return copy;
    }

    public GrvtConfiguration withRestTimeout(Duration timeout) {
        GrvtConfiguration copy = copy();
        copy.setRestTimeout(timeout.toMillis());
        return copy;
    }

    public GrvtConfiguration withVenue(String name) {
        GrvtConfiguration copy = copy();
        copy.setVenue(name);
        return copy;
    }

    /** The credentials in effect ({@code null} without): the registry bean, else all three key options. */
    public GrvtCredentials credentials() {
        if (account != null) {
            return account;
        }
        if (tradingAccountId == null && privateKey == null && apiKey == null) {
            return null;
        }
        if (tradingAccountId == null || privateKey == null || apiKey == null) {
            throw new IllegalArgumentException("grvt: trading needs tradingAccountId, privateKey and apiKey; missing "
                    + ((tradingAccountId == null ? "tradingAccountId " : "") + (privateKey == null ? "privateKey " : "")
                            + (apiKey == null ? "apiKey" : "")).strip());
        }
        return GrvtCredentials.of(tradingAccountId, privateKey, apiKey);
    }

    @Override
    public boolean hasCredentials() {
        return credentials() != null;
    }

    @Override
    protected List<Object> accountKey() {
        return Arrays.asList(tradesUrl, tradesWsUrl, authUrl, environment, credentials(), requestsPerMinute,
                signatureValidity);
    }

    public URI tradesUri() {
        return URI.create(tradesUrl);
    }

    public URI authUri() {
        return URI.create(authUrl);
    }

    /** The trading WebSocket: {@code tradesWsUrl}, else the trading host as ws(s) with {@code /ws/full}. */
    public URI tradesWsUri() {
        if (tradesWsUrl != null && !tradesWsUrl.isBlank()) {
            return URI.create(tradesWsUrl);
        }
        String base = tradesUrl.replaceFirst("^http", "ws");
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/ws/full");
    }

    public Duration signatureValidityDuration() {
        return Duration.ofMillis(signatureValidity);
    }

    public String getTradesUrl() {
        return tradesUrl;
    }

    public void setTradesUrl(String tradesUrl) {
        this.tradesUrl = tradesUrl;
    }

    public String getTradesWsUrl() {
        return tradesWsUrl;
    }

    public void setTradesWsUrl(String tradesWsUrl) {
        this.tradesWsUrl = tradesWsUrl;
    }

    public String getAuthUrl() {
        return authUrl;
    }

    public void setAuthUrl(String authUrl) {
        this.authUrl = authUrl;
    }

    public GrvtEnvironment getEnvironment() {
        return environment;
    }

    public void setEnvironment(GrvtEnvironment environment) {
        this.environment = environment;
    }

    public String getTradingAccountId() {
        return tradingAccountId;
    }

    public void setTradingAccountId(String tradingAccountId) {
        this.tradingAccountId = tradingAccountId;
    }

    public String getPrivateKey() {
        return privateKey;
    }

    public void setPrivateKey(String privateKey) {
        this.privateKey = privateKey;
    }

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public GrvtCredentials getAccount() {
        return account;
    }

    public void setAccount(GrvtCredentials account) {
        this.account = account;
    }

    public int getRequestsPerMinute() {
        return requestsPerMinute;
    }

    public void setRequestsPerMinute(int requestsPerMinute) {
        this.requestsPerMinute = requestsPerMinute;
    }

    public long getSignatureValidity() {
        return signatureValidity;
    }

    public void setSignatureValidity(long signatureValidity) {
        if (signatureValidity <= 0 || signatureValidity > Duration.ofDays(30).toMillis()) {
            throw new IllegalArgumentException("grvt: signatureValidity must be within 30 days, was " + signatureValidity);
        }
        this.signatureValidity = signatureValidity;
    }
}
