package dev.perpflow.component.lighter;

import dev.perpflow.exchange.component.VenueConfiguration;
import dev.perpflow.lighter.signer.LighterTx;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * How to reach Lighter and as whom: REST and stream URLs (mainnet {@value #MAINNET_REST_URL} by default; the
 * {@code testnet} switch selects {@value #TESTNET_REST_URL} and chain id 300), the signing chain id (304 on mainnet),
 * optional credentials (public data needs none: the API private key, account index and API key index, or a
 * {@link LighterCredentials} bean), the request budget (standard accounts: 60 requests per rolling minute), the
 * worst price a market order accepts, and the timeout of one REST call. Component options, and endpoint options
 * overriding them for one endpoint (another account).
 */
@UriParams
public class LighterConfiguration extends VenueConfiguration {

    public static final String MAINNET_REST_URL = "https://mainnet.zklighter.elliot.ai";
    public static final String MAINNET_WS_URL = "wss://mainnet.zklighter.elliot.ai/stream";
    public static final String TESTNET_REST_URL = "https://testnet.zklighter.elliot.ai";
    public static final String TESTNET_WS_URL = "wss://testnet.zklighter.elliot.ai/stream";
    /** A standard account's budget: 60 requests per rolling minute (premium accounts have 24,000 weight). */
    public static final int REQUESTS_PER_MINUTE = 60;

    @UriParam(label = "security", secret = true,
              description = "The API key's 40-byte private key as hex (LIGHTER_API_KEY_PRIVATE_KEY); trading only.")
    private String privateKey;

    @UriParam(label = "security", description = "The account index (LIGHTER_ACCOUNT_INDEX); trading only.")
    private Long accountIndex;

    @UriParam(label = "security", description = "The API key index, 0..254 (LIGHTER_API_KEY_INDEX); trading only.")
    private Integer apiKeyIndex;

    @UriParam(label = "security", description = "The account's credentials as a registry bean (#name) of type"
            + " LighterCredentials; takes the place of the key options.")
    private LighterCredentials account;

    @UriParam(defaultValue = "false", description = "Use Lighter's testnet (its URLs and chain id 300).")
    private boolean testnet;

    @UriParam(label = "advanced", defaultValue = "304",
              description = "The chain id signed into every transaction (304 mainnet, 300 testnet).")
    private long chainId = LighterTx.MAINNET_CHAIN_ID;

    @UriParam(label = "advanced", defaultValue = "" + REQUESTS_PER_MINUTE,
              description = "The client's REST budget: request weight per minute, shared by all its calls.")
    private int requestsPerMinute = REQUESTS_PER_MINUTE;

    @UriParam(label = "advanced", defaultValue = "1",
              description = "Weight of one sendTx against the budget (premium accounts: 6).")
    private int txWeight = 1;

    @UriParam(label = "advanced", defaultValue = "0.05", description = "Worst price of a market order, as a fraction"
            + " away from the touch (Lighter's market orders carry a price limit).")
    private BigDecimal marketOrderSlippage = new BigDecimal("0.05");

    public LighterConfiguration() {
        super("lighter", MAINNET_REST_URL, MAINNET_WS_URL);
    }

    /** Mainnet URLs and chain id, no credentials. */
    public static LighterConfiguration mainnet() {
        return new LighterConfiguration();
    }

    public static LighterConfiguration of(URI restUrl, URI wsUrl, LighterCredentials credentials) {
        LighterConfiguration configuration = new LighterConfiguration();
        configuration.setRestUrl(restUrl.toString());
        configuration.setWsUrl(wsUrl.toString());
        return configuration.withCredentials(credentials);
    }

    public LighterConfiguration copy() {
        return copyAs(LighterConfiguration.class);
    }

    /** A copy trading with {@code credentials} ({@code null}: public data only). */
    public LighterConfiguration withCredentials(LighterCredentials credentials) {
        LighterConfiguration copy = copy();
        copy.account = credentials;
        copy.privateKey = null;
        copy.accountIndex = null;
        copy.apiKeyIndex = null;
        return copy;
    }

    public LighterConfiguration withRequestTimeout(Duration timeout) {
        LighterConfiguration copy = copy();
        copy.setRestTimeout(timeout.toMillis());
        return copy;
    }

    public LighterConfiguration withRequestsPerMinute(int budget) {
        LighterConfiguration copy = copy();
        copy.setRequestsPerMinute(budget);
        return copy;
    }

    /** The same venue under another name (several accounts side by side). */
    public LighterConfiguration withVenue(String name) {
        LighterConfiguration copy = copy();
        copy.setVenue(name);
        return copy;
    }

    /** The credentials in effect, checked; {@code null} without. */
    public LighterCredentials credentials() {
        if (account != null) {
            return account;
        }
        if ((privateKey == null || privateKey.isBlank()) && accountIndex == null && apiKeyIndex == null) {
            return null;
        }
        return LighterCredentials.of(privateKey, accountIndex == null ? null : accountIndex.toString(),
                apiKeyIndex == null ? null : apiKeyIndex.toString());
    }

    @Override
    public boolean hasCredentials() {
        return credentials() != null;
    }

    @Override
    protected List<Object> accountKey() {
        return Arrays.asList(credentials(), chainId, requestsPerMinute, txWeight, marketOrderSlippage);
    }

    public String getPrivateKey() {
        return privateKey;
    }

    public void setPrivateKey(String privateKey) {
        this.privateKey = privateKey;
    }

    public Long getAccountIndex() {
        return accountIndex;
    }

    public void setAccountIndex(Long accountIndex) {
        this.accountIndex = accountIndex;
    }

    public Integer getApiKeyIndex() {
        return apiKeyIndex;
    }

    public void setApiKeyIndex(Integer apiKeyIndex) {
        this.apiKeyIndex = apiKeyIndex;
    }

    public LighterCredentials getAccount() {
        return account;
    }

    public void setAccount(LighterCredentials account) {
        this.account = account;
    }

    public boolean isTestnet() {
        return testnet;
    }

    /** Switching to the testnet points the URLs still at mainnet's to the testnet's and signs for chain 300. */
    public void setTestnet(boolean testnet) {
        this.testnet = testnet;
        if (testnet) {
            if (MAINNET_REST_URL.equals(getRestUrl())) {
                setRestUrl(TESTNET_REST_URL);
            }
            if (MAINNET_WS_URL.equals(getWsUrl())) {
                setWsUrl(TESTNET_WS_URL);
            }
            chainId = LighterTx.TESTNET_CHAIN_ID;
        }
    }

    public long getChainId() {
        return chainId;
    }

    public void setChainId(long chainId) {
        this.chainId = chainId;
    }

    public int getRequestsPerMinute() {
        return requestsPerMinute;
    }

    public void setRequestsPerMinute(int requestsPerMinute) {
        if (requestsPerMinute < 1) {
            throw new IllegalArgumentException("lighter: requestsPerMinute must be positive, was " + requestsPerMinute);
        }
        this.requestsPerMinute = requestsPerMinute;
    }

    public int getTxWeight() {
        return txWeight;
    }

    public void setTxWeight(int txWeight) {
        this.txWeight = txWeight;
    }

    public BigDecimal getMarketOrderSlippage() {
        return marketOrderSlippage;
    }

    public void setMarketOrderSlippage(BigDecimal marketOrderSlippage) {
        if (marketOrderSlippage.signum() <= 0 || marketOrderSlippage.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("lighter: marketOrderSlippage must be between 0 and 1, was "
                    + marketOrderSlippage.toPlainString());
        }
        this.marketOrderSlippage = marketOrderSlippage;
    }
}
