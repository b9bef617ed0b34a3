package dev.perpflow.component.hyperliquid;

import dev.perpflow.exchange.component.VenueConfiguration;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * How to reach Hyperliquid and as whom: the API URL (production {@value #PRODUCTION_REST_URL}, WebSocket
 * {@value #PRODUCTION_WS_URL}), mainnet or testnet (which decides the signature's source and the user-signed chain),
 * optional credentials (the signing key and the account address, or a {@link HyperliquidCredentials} bean), the
 * request weight budget and the slippage of market orders. Component options, and endpoint options overriding them
 * for one endpoint (another account).
 */
@UriParams
public class HyperliquidConfiguration extends VenueConfiguration {

    public static final String PRODUCTION_REST_URL = "https://api.hyperliquid.xyz";
    public static final String PRODUCTION_WS_URL = "wss://api.hyperliquid.xyz/ws";
    /** Hyperliquid's published REST budget: 1200 weight per minute per IP. */
    public static final int WEIGHT_PER_MINUTE = 1200;

    @UriParam(label = "security", secret = true, description = "The signing key, 64 hex digits (HYPERLIQUID_PRIVATE_KEY):"
            + " the account's own or an API wallet's it approved; needed for trading only.")
    private String privateKey;

    @UriParam(label = "security", description = "The account traded and read (HYPERLIQUID_ACCOUNT_ADDRESS); the signing"
            + " key's own address when not set. Required with an API wallet key.")
    private String accountAddress;

    @UriParam(label = "security", description = "The account's credentials as a registry bean (#name) of type"
            + " HyperliquidCredentials; takes the place of the key options.")
    private HyperliquidCredentials account;

    @UriParam(defaultValue = "false", description = "Sign for testnet (source b, Testnet chain) instead of mainnet.")
    private boolean testnet;

    @UriParam(label = "advanced", defaultValue = "" + WEIGHT_PER_MINUTE,
              description = "The client's REST budget in request weight per minute, shared by all its calls.")
    private int weightPerMinute = WEIGHT_PER_MINUTE;

    @UriParam(label = "advanced", defaultValue = "0.05", description = "How far from the mid price a market order's"
            + " limit is set (Hyperliquid has no market orders: they are IOC limits), as a fraction.")
    private BigDecimal marketSlippage = new BigDecimal("0.05");

    public HyperliquidConfiguration() {
        super("hyperliquid", PRODUCTION_REST_URL, PRODUCTION_WS_URL);
    }

    /** Production URLs, mainnet, no credentials. */
    public static HyperliquidConfiguration production() {
        return new HyperliquidConfiguration();
    }

    /** These URLs, mainnet, the credentials ({@code null}: public data only). */
    public static HyperliquidConfiguration of(URI restUrl, URI wsUrl, HyperliquidCredentials credentials) {
        HyperliquidConfiguration configuration = new HyperliquidConfiguration();
        configuration.setRestUrl(restUrl.toString());
        configuration.setWsUrl(wsUrl.toString());
        return configuration.withCredentials(credentials);
    }

    public HyperliquidConfiguration copy() {
        return copyAs(HyperliquidConfiguration.class);
    }

    /** A copy trading with {@code credentials} ({@code null}: public data only). */
    public HyperliquidConfiguration withCredentials(HyperliquidCredentials credentials) {
        HyperliquidConfiguration copy = copy();
        copy.account = credentials;
        copy.privateKey = null;
        copy.accountAddress = null;
        return copy;
    }

    public HyperliquidConfiguration withTestnet(boolean value) {
        HyperliquidConfiguration copy = copy();
        copy.testnet = value;
        return copy;
    }

    public HyperliquidConfiguration withRestTimeout(Duration timeout) {
        HyperliquidConfiguration copy = copy();
        copy.setRestTimeout(timeout.toMillis());
        return copy;
    }

    /** The same venue under another name (several accounts side by side). */
    public HyperliquidConfiguration withVenue(String name) {
        HyperliquidConfiguration copy = copy();
        copy.setVenue(name);
        return copy;
    }

    /** The credentials in effect ({@code null} without): the registry bean, else the key options. */
    public HyperliquidCredentials credentials() {
        if (account != null) {
            return account;
        }
        if (privateKey == null && accountAddress == null) {
            return null;
        }
        if (privateKey == null) {
            throw new IllegalArgumentException("hyperliquid: accountAddress is set but privateKey is not");
        }
        return HyperliquidCredentials.of(privateKey, accountAddress);
    }

    @Override
    public boolean hasCredentials() {
        return credentials() != null;
    }

    @Override
    protected List<Object> accountKey() {
        return Arrays.asList(credentials(), testnet, weightPerMinute, marketSlippage);
    }

    public String getPrivateKey() {
        return privateKey;
    }

    public void setPrivateKey(String privateKey) {
        this.privateKey = privateKey;
    }

    public String getAccountAddress() {
        return accountAddress;
    }

    public void setAccountAddress(String accountAddress) {
        this.accountAddress = accountAddress;
    }

    public HyperliquidCredentials getAccount() {
        return account;
    }

    public void setAccount(HyperliquidCredentials account) {
        this.account = account;
    }

    public boolean isTestnet() {
        return testnet;
    }

    public void setTestnet(boolean testnet) {
        this.testnet = testnet;
    }

    public int getWeightPerMinute() {
        return weightPerMinute;
    }

    public void setWeightPerMinute(int weightPerMinute) {
        this.weightPerMinute = weightPerMinute;
    }

    public BigDecimal getMarketSlippage() {
        return marketSlippage;
    }

    public void setMarketSlippage(BigDecimal marketSlippage) {
        if (marketSlippage.signum() <= 0 || marketSlippage.compareTo(new BigDecimal("0.5")) > 0) {
            throw new IllegalArgumentException("hyperliquid: marketSlippage must be in (0, 0.5], was " + marketSlippage);
        }
        this.marketSlippage = marketSlippage;
    }
}
