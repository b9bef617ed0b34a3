package dev.perpflow.component.aster;

import dev.perpflow.exchange.component.VenueConfiguration;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * How to reach Aster and as whom: REST and stream URLs (production by default), the {@link AsterAuthMode} with its
 * credentials (public data needs none): the V1 API key and secret, or a V3 API wallet (user, signer and the signer's
 * private key), or an {@link AsterAccount} from the registry; the {@code recvWindow} of V1 signed requests and the
 * request weight budget. Component options, and endpoint options overriding them for one endpoint (another account).
 */
@UriParams
public class AsterConfiguration extends VenueConfiguration {

    public static final String PRODUCTION_REST_URL = "https://fapi.asterdex.com";
    public static final String PRODUCTION_WS_URL = "wss://fstream.asterdex.com";
    /** Aster's published REST budget: 2400 request weight per minute per IP. */
    public static final int WEIGHT_PER_MINUTE = 2400;

    @UriParam(label = "security", defaultValue = "HMAC_V1", enums = "HMAC_V1,API_WALLET_V3",
              description = "How private calls authenticate: HMAC_V1 (API key and secret, /fapi/v1 paths) or"
                      + " API_WALLET_V3 (an API wallet signing EIP-712, /fapi/v3 paths).")
    private AsterAuthMode authMode = AsterAuthMode.HMAC_V1;

    @UriParam(label = "security", secret = true, description = "V1 API key (ASTER_API_KEY); needed for trading only.")
    private String apiKey;

    @UriParam(label = "security", secret = true,
              description = "V1 API secret (ASTER_SECRET_KEY); needed for trading only.")
    private String secretKey;

    @UriParam(label = "security", description = "V3: the main account's wallet address (ASTER_USER).")
    private String user;

    @UriParam(label = "security", description = "V3: the API wallet address approved for the user (ASTER_SIGNER).")
    private String signer;

    @UriParam(label = "security", secret = true,
              description = "V3: the API wallet's private key, 64 hex digits (ASTER_SIGNER_PRIVATE_KEY).")
    private String signerPrivateKey;

    @UriParam(label = "security", description = "The account's credentials as a registry bean (#name): an"
            + " AsterCredentials (V1) or AsterApiWalletCredentials (V3). Takes the place of the key options and"
            + " decides the auth mode.")
    private AsterAccount account;

    @UriParam(label = "advanced", defaultValue = "5000",
              description = "recvWindow sent with V1 signed requests (milliseconds, at most 60000).")
    private long recvWindow = 5_000;

    @UriParam(label = "advanced", defaultValue = "" + WEIGHT_PER_MINUTE,
              description = "The client's REST budget in request weight per minute, shared by all its calls.")
    private int weightPerMinute = WEIGHT_PER_MINUTE;

    public AsterConfiguration() {
        super("aster", PRODUCTION_REST_URL, PRODUCTION_WS_URL);
    }

    /** Production URLs, no credentials. */
    public static AsterConfiguration production() {
        return new AsterConfiguration();
    }

    /** V1 settings: these URLs, the credentials ({@code null}: public data only). */
    public static AsterConfiguration of(URI restUrl, URI wsUrl, AsterCredentials credentials) {
        AsterConfiguration configuration = new AsterConfiguration();
        configuration.setRestUrl(restUrl.toString());
        configuration.setWsUrl(wsUrl.toString());
        return configuration.withCredentials(credentials);
    }

    /** V3 mode: requests signed by the API wallet ({@code null}: public data only), {@code /fapi/v3} paths. */
    public static AsterConfiguration ofApiWallet(URI restUrl, URI wsUrl, AsterApiWalletCredentials apiWallet) {
        return of(restUrl, wsUrl, null).withApiWallet(apiWallet);
    }

    public AsterConfiguration copy() {
        return copyAs(AsterConfiguration.class);
    }

    /** A copy trading with these V1 credentials ({@code null}: none), in {@link AsterAuthMode#HMAC_V1}. */
    public AsterConfiguration withCredentials(AsterCredentials credentials) {
        return withAccount(credentials, AsterAuthMode.HMAC_V1);
    }

    /** A copy in {@link AsterAuthMode#API_WALLET_V3} with this API wallet ({@code null}: public data only). */
    public AsterConfiguration withApiWallet(AsterApiWalletCredentials apiWallet) {
        return withAccount(apiWallet, AsterAuthMode.API_WALLET_V3);
    }

    private AsterConfiguration withAccount(AsterAccount newAccount, AsterAuthMode mode) {
        AsterConfiguration copy = copy();
        copy.account = newAccount;
        copy.authMode = mode;
        copy.apiKey = null;
        copy.secretKey = null;
        copy.user = null;
        copy.signer = null;
        copy.signerPrivateKey = null;
        return copy;
    }

    public AsterConfiguration withRestTimeout(Duration timeout) {
        AsterConfiguration copy = copy();
        copy.setRestTimeout(timeout.toMillis());
        return copy;
    }

    /** The same venue under another name (several accounts side by side). */
    public AsterConfiguration withVenue(String name) {
        AsterConfiguration copy = copy();
        copy.setVenue(name);
        return copy;
    }

    /** The auth mode in effect: the registry account's, else the {@code authMode} option. */
    public AsterAuthMode effectiveAuthMode() {
        return account != null ? account.authMode() : authMode;
    }

    /**
     * The V1 credentials in effect ({@code null} without), checked: a key without its secret, or V3 settings in V1
     * mode (and the reverse) are setup mistakes named here, before any request.
     */
    public AsterCredentials credentials() {
        validate();
        if (account instanceof AsterCredentials credentials) {
            return credentials;
        }
        if (account != null || authMode != AsterAuthMode.HMAC_V1 || (apiKey == null && secretKey == null)) {
            return null;
        }
        return AsterCredentials.of(apiKey, secretKey);
    }

    /** The V3 API wallet in effect ({@code null} without): all three settings or none. */
    public AsterApiWalletCredentials apiWallet() {
        validate();
        if (account instanceof AsterApiWalletCredentials wallet) {
            return wallet;
        }
        if (account != null || authMode != AsterAuthMode.API_WALLET_V3
                || (user == null && signer == null && signerPrivateKey == null)) {
            return null;
        }
        if (user == null || signer == null || signerPrivateKey == null) {
            throw new IllegalArgumentException("aster: API_WALLET_V3 needs user, signer and signerPrivateKey; missing "
                    + (user == null ? "user " : "") + (signer == null ? "signer " : "")
                    + (signerPrivateKey == null ? "signerPrivateKey" : "").strip());
        }
        return AsterApiWalletCredentials.of(user, signer, signerPrivateKey);
    }

    @Override
    public boolean hasCredentials() {
        return effectiveAuthMode() == AsterAuthMode.API_WALLET_V3 ? apiWallet() != null : credentials() != null;
    }

    private void validate() {
        if (recvWindow < 0 || recvWindow > 60_000) {
            throw new IllegalArgumentException("aster: recvWindow must be 0..60000 ms, was " + recvWindow);
        }
        if (account != null) {
            return;
        }
        if (authMode == AsterAuthMode.API_WALLET_V3 && (apiKey != null || secretKey != null)) {
            throw new IllegalArgumentException("aster: apiKey/secretKey are V1 settings; authMode is API_WALLET_V3");
        }
        if (authMode == AsterAuthMode.HMAC_V1 && (user != null || signer != null || signerPrivateKey != null)) {
            throw new IllegalArgumentException("aster: user/signer/signerPrivateKey need authMode=API_WALLET_V3");
        }
    }

    @Override
    protected List<Object> accountKey() {
        return Arrays.asList(effectiveAuthMode(), credentials(), apiWallet(), recvWindow, weightPerMinute);
    }

    public Duration recvWindowDuration() {
        return Duration.ofMillis(recvWindow);
    }

    public AsterAuthMode getAuthMode() {
        return authMode;
    }

    public void setAuthMode(AsterAuthMode authMode) {
        this.authMode = Objects.requireNonNull(authMode, "authMode");
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

    public AsterAccount getAccount() {
        return account;
    }

    public void setAccount(AsterAccount account) {
        this.account = account;
    }

    public long getRecvWindow() {
        return recvWindow;
    }

    public void setRecvWindow(long recvWindow) {
        this.recvWindow = recvWindow;
    }

    public int getWeightPerMinute() {
        return weightPerMinute;
    }

    public void setWeightPerMinute(int weightPerMinute) {
        this.weightPerMinute = weightPerMinute;
    }
}
