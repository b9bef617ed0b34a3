package dev.perpflow.component.backpack;

import dev.perpflow.exchange.component.VenueConfiguration;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * How to reach Backpack and as whom: REST and stream URLs (production {@value #PRODUCTION_REST_URL} and
 * {@value #PRODUCTION_WS_URL}; Backpack documents no public testnet, so there is no testnet switch), optional
 * credentials (public data needs none: the Ed25519 key pair, or a {@link BackpackCredentials} bean), the signature
 * {@code window} (Backpack allows up to 60 s, its client sends 5 s), the timeout of one REST call and the request
 * budget. Component options, and endpoint options overriding them for one endpoint (another account).
 */
@UriParams
public class BackpackConfiguration extends VenueConfiguration {

    public static final String PRODUCTION_REST_URL = "https://api.backpack.exchange";
    public static final String PRODUCTION_WS_URL = "wss://ws.backpack.exchange";
    public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(5);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** Backpack publishes no REST budget: a conservative one, 20 requests per 2 s. */
    public static final int REQUESTS_PER_PERIOD = 20;
    public static final int PERIOD_SECONDS = 2;

    @UriParam(label = "security", secret = true,
              description = "Base64 Ed25519 public key (BACKPACK_PUBLIC_KEY, the X-API-Key); needed for trading only.")
    private String publicKey;

    @UriParam(label = "security", secret = true,
              description = "Base64 32-byte Ed25519 secret seed (BACKPACK_SECRET_KEY); needed for trading only.")
    private String secretKey;

    @UriParam(label = "security", description = "The account's credentials as a registry bean (#name) of type"
            + " BackpackCredentials; takes the place of the key options.")
    private BackpackCredentials account;

    @UriParam(label = "advanced", defaultValue = "5000",
              description = "Validity window of a signed request (X-Window, milliseconds, at most 60000).")
    private long window = DEFAULT_WINDOW.toMillis();

    @UriParam(label = "advanced", defaultValue = "" + REQUESTS_PER_PERIOD,
              description = "The client's REST budget: requests per two seconds, shared by all its calls.")
    private int requestsPerPeriod = REQUESTS_PER_PERIOD;

    public BackpackConfiguration() {
        super("backpack", PRODUCTION_REST_URL, PRODUCTION_WS_URL);
    }

    /** Production URLs, no credentials, 5 s window, 10 s request timeout. */
    public static BackpackConfiguration production() {
        return new BackpackConfiguration();
    }

    public static BackpackConfiguration of(URI restUrl, URI wsUrl, BackpackCredentials credentials) {
        BackpackConfiguration configuration = new BackpackConfiguration();
        configuration.setRestUrl(restUrl.toString());
        configuration.setWsUrl(wsUrl.toString());
        return configuration.withCredentials(credentials);
    }

    public BackpackConfiguration copy() {
        return copyAs(BackpackConfiguration.class);
    }

    /** A copy trading with {@code credentials} ({@code null}: public data only). */
    public BackpackConfiguration withCredentials(BackpackCredentials credentials) {
        BackpackConfiguration copy = copy();
        copy.account = credentials;
        copy.publicKey = null;
        copy.secretKey = null;
        return copy;
    }

    public BackpackConfiguration withRequestTimeout(Duration timeout) {
        BackpackConfiguration copy = copy();
        copy.setRestTimeout(timeout.toMillis());
        return copy;
    }

    public BackpackConfiguration withWindow(Duration newWindow) {
        BackpackConfiguration copy = copy();
        copy.setWindow(newWindow.toMillis());
        return copy;
    }

    /** The same venue under another name (several accounts side by side). */
    public BackpackConfiguration withVenue(String name) {
        BackpackConfiguration copy = copy();
        copy.setVenue(name);
        return copy;
    }

    /** The credentials in effect, checked as a key pair; {@code null} without. */
    public BackpackCredentials credentials() {
        if (account != null) {
            return account;
        }
        return isBlank(publicKey) && isBlank(secretKey) ? null : BackpackCredentials.of(publicKey, secretKey);
    }

    @Override
    public boolean hasCredentials() {
        return credentials() != null;
    }

    public Duration window() {
        return Duration.ofMillis(window);
    }

    @Override
    protected List<Object> accountKey() {
        return Arrays.asList(credentials(), window, requestsPerPeriod);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    public String getPublicKey() {
        return publicKey;
    }

    public void setPublicKey(String publicKey) {
        this.publicKey = publicKey;
    }

    public String getSecretKey() {
        return secretKey;
    }

    public void setSecretKey(String secretKey) {
        this.secretKey = secretKey;
    }

    public BackpackCredentials getAccount() {
        return account;
    }

    public void setAccount(BackpackCredentials account) {
        this.account = account;
    }

    public long getWindow() {
        return window;
    }

    public void setWindow(long window) {
        if (window < 1 || window > 60_000) {
            throw new IllegalArgumentException("backpack: window must be 1..60000 ms, was " + window);
        }
        this.window = window;
    }

    public int getRequestsPerPeriod() {
        return requestsPerPeriod;
    }

    public void setRequestsPerPeriod(int requestsPerPeriod) {
        this.requestsPerPeriod = requestsPerPeriod;
    }
}
