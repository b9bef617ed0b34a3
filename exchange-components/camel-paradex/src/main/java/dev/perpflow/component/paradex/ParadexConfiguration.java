package dev.perpflow.component.paradex;

import dev.perpflow.exchange.component.VenueConfiguration;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * How to reach Paradex and as whom: REST and stream URLs (production {@value #PRODUCTION_REST_URL} and
 * {@value #PRODUCTION_WS_URL}, or the testnet's with {@code testnet=true}), optional credentials (public data needs
 * none: the StarkNet account address and its STARK private key, or a {@link ParadexCredentials} bean), how long a JWT
 * is used before a new one is fetched, how long the venue's system state (the daily maintenance window) is trusted,
 * the timeout of one REST call and the request budget.
 */
@UriParams
public class ParadexConfiguration extends VenueConfiguration {

    public static final String PRODUCTION_REST_URL = "https://api.prod.paradex.trade/v1";
    public static final String PRODUCTION_WS_URL = "wss://ws.api.prod.paradex.trade/v1";
    public static final String TESTNET_REST_URL = "https://api.testnet.paradex.trade/v1";
    public static final String TESTNET_WS_URL = "wss://ws.api.testnet.paradex.trade/v1";
    /** Paradex: 1500 public requests per minute per IP, 120 GET per second per account: 20 per second for both. */
    public static final int REQUESTS_PER_SECOND = 20;

    @UriParam(label = "security", description = "The StarkNet account address (PARADEX_L2_ADDRESS); needed for"
            + " trading only.")
    private String l2Address;

    @UriParam(label = "security", secret = true, description = "The STARK private key of the account"
            + " (PARADEX_L2_PRIVATE_KEY, hex); needed for trading only.")
    private String l2PrivateKey;

    @UriParam(label = "security", description = "The Ethereum address the account was onboarded with"
            + " (PARADEX_L1_ADDRESS); for reference, not needed to trade.")
    private String l1Address;

    @UriParam(label = "security", description = "The account's credentials as a registry bean (#name) of type"
            + " ParadexCredentials; takes the place of the key options.")
    private ParadexCredentials account;

    @UriParam(defaultValue = "false", description = "Use Paradex's testnet URLs instead of production.")
    private boolean testnet;

    @UriParam(label = "advanced", defaultValue = "180000", description = "How long a JWT from POST /auth is used"
            + " before a new one is fetched (milliseconds; Paradex's tokens live about 5 minutes).")
    private long jwtRefresh = Duration.ofMinutes(3).toMillis();

    @UriParam(label = "advanced", defaultValue = "5000", description = "How long the venue's system state (ok,"
            + " cancel_only, post_only, maintenance) is trusted before it is read again (milliseconds).")
    private long systemStateTtl = 5_000;

    @UriParam(label = "advanced", defaultValue = "" + REQUESTS_PER_SECOND,
              description = "The client's REST budget: requests per second, shared by all its calls.")
    private int requestsPerSecond = REQUESTS_PER_SECOND;

    public ParadexConfiguration() {
        super("paradex", PRODUCTION_REST_URL, PRODUCTION_WS_URL);
    }

    public static ParadexConfiguration production() {
        return new ParadexConfiguration();
    }

    public static ParadexConfiguration of(URI restUrl, URI wsUrl, ParadexCredentials credentials) {
        ParadexConfiguration configuration = new ParadexConfiguration();
        configuration.setRestUrl(restUrl.toString());
        configuration.setWsUrl(wsUrl.toString());
        return configuration.withCredentials(credentials);
    }

    public ParadexConfiguration copy() {
        return copyAs(ParadexConfiguration.class);
    }

    /** A copy trading with {@code credentials} ({@code null}: public data only). */
    public ParadexConfiguration withCredentials(ParadexCredentials credentials) {
        ParadexConfiguration copy = copy();
        copy.account = credentials;
        copy.l2Address = null;
        copy.l2PrivateKey = null;
        copy.l1Address = null;
        return copy;
    }

    public ParadexConfiguration withVenue(String name) {
        ParadexConfiguration copy = copy();
        copy.setVenue(name);
        return copy;
    }

    public ParadexConfiguration withRequestTimeout(Duration timeout) {
        ParadexConfiguration copy = copy();
        copy.setRestTimeout(timeout.toMillis());
        return copy;
    }

    public ParadexConfiguration withSystemStateTtl(Duration ttl) {
        ParadexConfiguration copy = copy();
        copy.setSystemStateTtl(ttl.toMillis());
        return copy;
    }

    /** The credentials in effect, checked; {@code null} without. */
    public ParadexCredentials credentials() {
        if (account != null) {
            return account;
        }
        return isBlank(l2Address) && isBlank(l2PrivateKey) ? null
                : ParadexCredentials.of(l1Address, l2Address, l2PrivateKey);
    }

    @Override
    public boolean hasCredentials() {
        return credentials() != null;
    }

    public Duration jwtRefreshAfter() {
        return Duration.ofMillis(jwtRefresh);
    }

    public Duration systemStateTtl() {
        return Duration.ofMillis(systemStateTtl);
    }

    @Override
    protected List<Object> accountKey() {
        return Arrays.asList(credentials(), jwtRefresh, systemStateTtl, requestsPerSecond);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    public String getL2Address() {
        return l2Address;
    }

    public void setL2Address(String l2Address) {
        this.l2Address = l2Address;
    }

    public String getL2PrivateKey() {
        return l2PrivateKey;
    }

    public void setL2PrivateKey(String l2PrivateKey) {
        this.l2PrivateKey = l2PrivateKey;
    }

    public String getL1Address() {
        return l1Address;
    }

    public void setL1Address(String l1Address) {
        this.l1Address = l1Address;
    }

    public ParadexCredentials getAccount() {
        return account;
    }

    public void setAccount(ParadexCredentials account) {
        this.account = account;
    }

    public boolean isTestnet() {
        return testnet;
    }

    /** Switches to the testnet URLs (and back to production when set to false on testnet URLs). */
    public void setTestnet(boolean testnet) {
        this.testnet = testnet;
        if (testnet && PRODUCTION_REST_URL.equals(getRestUrl())) {
            setRestUrl(TESTNET_REST_URL);
            setWsUrl(TESTNET_WS_URL);
        } else if (!testnet && TESTNET_REST_URL.equals(getRestUrl())) {
            setRestUrl(PRODUCTION_REST_URL);
            setWsUrl(PRODUCTION_WS_URL);
        }
    }

    public long getJwtRefresh() {
        return jwtRefresh;
    }

    public void setJwtRefresh(long jwtRefresh) {
        if (jwtRefresh < 1_000) {
            throw new IllegalArgumentException("paradex: jwtRefresh must be at least 1000 ms, was " + jwtRefresh);
        }
        this.jwtRefresh = jwtRefresh;
    }

    public long getSystemStateTtl() {
        return systemStateTtl;
    }

    public void setSystemStateTtl(long systemStateTtl) {
        if (systemStateTtl < 0) {
            throw new IllegalArgumentException("paradex: systemStateTtl must not be negative");
        }
        this.systemStateTtl = systemStateTtl;
    }

    public int getRequestsPerSecond() {
        return requestsPerSecond;
    }

    public void setRequestsPerSecond(int requestsPerSecond) {
        if (requestsPerSecond < 1) {
            throw new IllegalArgumentException("paradex: requestsPerSecond must be positive");
        }
        this.requestsPerSecond = requestsPerSecond;
    }
}
