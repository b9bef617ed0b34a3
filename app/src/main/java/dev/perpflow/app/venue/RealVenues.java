package dev.perpflow.app.venue;

import dev.perpflow.app.accounts.AccountsException;
import dev.perpflow.app.accounts.VenueCredentialFields;
import dev.perpflow.app.config.PropertyReader;
import dev.perpflow.app.config.VenueSettings;
import dev.perpflow.app.startup.StartupException;
import dev.perpflow.component.aster.AsterApiWalletCredentials;
import dev.perpflow.component.aster.AsterComponent;
import dev.perpflow.component.aster.AsterConfiguration;
import dev.perpflow.component.aster.AsterCredentials;
import dev.perpflow.component.aster.AsterExchangeClient;
import dev.perpflow.component.backpack.BackpackComponent;
import dev.perpflow.component.backpack.BackpackConfiguration;
import dev.perpflow.component.backpack.BackpackCredentials;
import dev.perpflow.component.backpack.BackpackExchangeClient;
import dev.perpflow.component.lighter.LighterComponent;
import dev.perpflow.component.lighter.LighterConfiguration;
import dev.perpflow.component.lighter.LighterCredentials;
import dev.perpflow.component.lighter.LighterExchangeClient;
import dev.perpflow.component.edgex.EdgexComponent;
import dev.perpflow.component.edgex.EdgexConfiguration;
import dev.perpflow.component.edgex.EdgexCredentials;
import dev.perpflow.component.edgex.EdgexExchangeClient;
import dev.perpflow.component.paradex.ParadexComponent;
import dev.perpflow.component.paradex.ParadexConfiguration;
import dev.perpflow.component.paradex.ParadexCredentials;
import dev.perpflow.component.paradex.ParadexExchangeClient;
import dev.perpflow.component.grvt.GrvtComponent;
import dev.perpflow.component.grvt.GrvtConfiguration;
import dev.perpflow.component.grvt.GrvtCredentials;
import dev.perpflow.component.grvt.GrvtEnvironment;
import dev.perpflow.component.grvt.GrvtExchangeClient;
import dev.perpflow.component.hyperliquid.HyperliquidComponent;
import dev.perpflow.component.hyperliquid.HyperliquidConfiguration;
import dev.perpflow.component.hyperliquid.HyperliquidCredentials;
import dev.perpflow.component.hyperliquid.HyperliquidExchangeClient;
import dev.perpflow.component.sim.paper.PaperExchangeClient;
import dev.perpflow.exchange.ExchangeClient;
import dev.perpflow.exchange.component.ExchangeComponent;
import dev.perpflow.funding.FeeSchedule;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds real venues from {@code perpflow.venues.<venue>.*}: the app's component per venue, with the credentials of
 * the seed's environment variables (optional: without them the venue serves public data only and trading calls fail
 * naming the missing variables) and, in paper mode, the paper engine in front of the live client; and, for an
 * account's runs, a client with that account's stored credentials.
 */
public final class RealVenues {

    /** The real venues this build has components for. */
    public static final List<String> BUILT = List.of("aster", "backpack", "lighter", "paradex", "edgex", "hyperliquid",
            "grvt");
    /** Lighter's request budget per venue name ({@code perpflow.venues.<venue>.requests-per-minute}), read at startup. */
    private static final Map<String, Integer> LIGHTER_BUDGETS = new java.util.concurrent.ConcurrentHashMap<>();

    private static final Logger LOG = LoggerFactory.getLogger(RealVenues.class);
    private static final Duration PAPER_CHECK_PERIOD = Duration.ofSeconds(1);

    private RealVenues() {
    }

    static VenueRegistry.Venue create(VenueSettings venue, boolean paper, PropertyReader properties,
            Function<String, String> environment) {
        requireBuilt(venue);
        FeeSchedule.Fees fees = FeeSchedule.defaults().feesOf(venue.name());
        Map<String, String> credentials = paper ? Map.of() : fromEnvironment(venue, environment);
        if (venue.type().equals("lighter")) {
            LIGHTER_BUDGETS.put(venue.name(), properties.integer(VenueSettings.key(venue.name(), "requests-per-minute"),
                    LighterConfiguration.REQUESTS_PER_MINUTE, 1, 1_000_000));
        }
        ExchangeComponent component = switch (venue.type()) {
            case "aster" -> new AsterComponent(asterConfig(venue, credentials));
            case "backpack" -> new BackpackComponent(backpackConfig(venue, credentials));
            case "lighter" -> new LighterComponent(lighterConfig(venue, credentials));
            case "paradex" -> new ParadexComponent(paradexConfig(venue, credentials));
            case "edgex" -> new EdgexComponent(edgexConfig(venue, credentials));
            case "hyperliquid" -> new HyperliquidComponent(hyperliquidConfig(venue, credentials));
            case "grvt" -> new GrvtComponent(grvtConfig(venue, credentials));
            default -> throw new IllegalStateException("unreachable: " + venue.type());
        };
        if (paper) {
            BigDecimal balance = properties.decimal("perpflow.paper.initial-balance", new BigDecimal("10000"));
            ExchangeClient live = component.getClient();
            component.adoptClient(new PaperExchangeClient(live, fees.maker(), fees.taker(), balance,
                    PAPER_CHECK_PERIOD, Clock.systemUTC()));
        }
        String display = Character.toUpperCase(venue.name().charAt(0)) + venue.name().substring(1)
                + (paper ? " (paper)" : "");
        return new VenueRegistry.Venue(venue, component, display, fees.maker(), fees.taker());
    }

    /**
     * A client of {@code venue} trading with an account's stored credentials (fields as {@link VenueCredentialFields})
     * over {@code http} (the account's proxied client), or a direct connection when {@code http} is null.
     */
    public static ExchangeClient clientWith(VenueSettings venue, Map<String, String> credentials, HttpClient http) {
        requireBuilt(venue);
        return switch (venue.type()) {
            case "aster" -> http == null ? new AsterExchangeClient(asterConfig(venue, credentials))
                    : new AsterExchangeClient(asterConfig(venue, credentials), http);
            case "backpack" -> http == null ? new BackpackExchangeClient(backpackConfig(venue, credentials))
                    : new BackpackExchangeClient(backpackConfig(venue, credentials), http);
            case "lighter" -> http == null ? new LighterExchangeClient(lighterConfig(venue, credentials))
                    : new LighterExchangeClient(lighterConfig(venue, credentials), http);
            case "paradex" -> http == null ? new ParadexExchangeClient(paradexConfig(venue, credentials))
                    : new ParadexExchangeClient(paradexConfig(venue, credentials), http);
            case "edgex" -> http == null ? new EdgexExchangeClient(edgexConfig(venue, credentials))
                    : new EdgexExchangeClient(edgexConfig(venue, credentials), http);
            case "hyperliquid" -> http == null ? new HyperliquidExchangeClient(hyperliquidConfig(venue, credentials))
                    : new HyperliquidExchangeClient(hyperliquidConfig(venue, credentials), http);
            case "grvt" -> http == null ? new GrvtExchangeClient(grvtConfig(venue, credentials))
                    : new GrvtExchangeClient(grvtConfig(venue, credentials), http);
            default -> throw new IllegalStateException("unreachable: " + venue.type());
        };
    }

    private static void requireBuilt(VenueSettings venue) {
        if (!BUILT.contains(venue.type())) {
            throw new StartupException(VenueSettings.key(venue.name(), "enabled") + "=true, but this build has no "
                    + venue.name() + " component yet; set it to false (env "
                    + PropertyReader.environmentVariable(VenueSettings.key(venue.name(), "enabled")) + ")");
        }
    }

    /** V1 with {@code api_key}/{@code secret_key}, V3 (API wallet) with {@code user}/{@code signer}/{@code signer_private_key}. */
    private static AsterConfiguration asterConfig(VenueSettings venue, Map<String, String> credentials) {
        AsterConfiguration config = AsterConfiguration.of(url(venue, "rest-url", venue.restUrl()),
                url(venue, "ws-url", venue.wsUrl()), null).withVenue(venue.name());
        try {
            if (credentials.containsKey("user")) {
                return config.withApiWallet(AsterApiWalletCredentials.of(credentials.get("user"),
                        credentials.get("signer"), credentials.get("signer_private_key")));
            }
            return credentials.isEmpty() ? config
                    : config.withCredentials(AsterCredentials.of(credentials.get("api_key"), credentials.get("secret_key")));
        } catch (IllegalArgumentException e) {
            throw new StartupException(e.getMessage(), e);
        }
    }

    private static BackpackConfiguration backpackConfig(VenueSettings venue, Map<String, String> credentials) {
        BackpackCredentials keys;
        try {
            keys = credentials.isEmpty() ? null
                    : BackpackCredentials.of(credentials.get("public_key"), credentials.get("secret_key"));
        } catch (IllegalArgumentException e) {
            throw new StartupException(e.getMessage(), e);
        }
        return BackpackConfiguration.of(url(venue, "rest-url", venue.restUrl()), url(venue, "ws-url", venue.wsUrl()),
                keys).withVenue(venue.name());
    }

    /**
     * {@code private_key} (hex), {@code account_index}, {@code api_key_index}; the request budget from
     * {@code perpflow.venues.<venue>.requests-per-minute} (a standard account's 60 by default).
     */
    private static LighterConfiguration lighterConfig(VenueSettings venue, Map<String, String> credentials) {
        LighterCredentials keys;
        try {
            keys = credentials.isEmpty() ? null : LighterCredentials.of(credentials.get("private_key"),
                    credentials.get("account_index"), credentials.get("api_key_index"));
        } catch (IllegalArgumentException e) {
            throw new StartupException(e.getMessage(), e);
        }
        return LighterConfiguration.of(url(venue, "rest-url", venue.restUrl()), url(venue, "ws-url", venue.wsUrl()),
                keys).withVenue(venue.name()).withRequestsPerMinute(LIGHTER_BUDGETS.getOrDefault(venue.name(),
                LighterConfiguration.REQUESTS_PER_MINUTE));
    }

    /**
     * Paradex: {@code l2_address} / {@code l2_private_key_hex} (and the optional {@code l1_address}); {@code environment}
     * {@code testnet} switches production URLs to the testnet's.
     */
    private static ParadexConfiguration paradexConfig(VenueSettings venue, Map<String, String> credentials) {
        ParadexConfiguration config = ParadexConfiguration.of(url(venue, "rest-url", venue.restUrl()),
                url(venue, "ws-url", venue.wsUrl()), null).withVenue(venue.name());
        if ("testnet".equalsIgnoreCase(credentials.getOrDefault("environment", ""))) {
            config.setTestnet(true);
        }
        try {
            return credentials.isEmpty() ? config : config.withCredentials(ParadexCredentials.of(
                    credentials.get("l1_address"), credentials.get("l2_address"), credentials.get("l2_private_key_hex")));
        } catch (IllegalArgumentException e) {
            throw new StartupException(e.getMessage(), e);
        }
    }

    /** EdgeX v2: {@code account_id}, {@code api_key}, {@code api_passphrase}, {@code api_secret}, {@code trading_private_key}. */
    private static EdgexConfiguration edgexConfig(VenueSettings venue, Map<String, String> credentials) {
        EdgexConfiguration config = EdgexConfiguration.of(url(venue, "rest-url", venue.restUrl()),
                url(venue, "ws-url", venue.wsUrl()), null).withVenue(venue.name());
        try {
            return credentials.isEmpty() ? config : config.withCredentials(EdgexCredentials.of(
                    credentials.get("account_id"), credentials.get("api_key"), credentials.get("api_passphrase"),
                    credentials.get("api_secret"), credentials.get("trading_private_key")));
        } catch (IllegalArgumentException e) {
            throw new StartupException(e.getMessage(), e);
        }
    }

    /**
     * {@code private_key} (the account's key or an API wallet's) and {@code account_address}; testnet signing when the
     * REST URL is Hyperliquid's testnet host.
     */
    private static HyperliquidConfiguration hyperliquidConfig(VenueSettings venue, Map<String, String> credentials) {
        HyperliquidConfiguration config = HyperliquidConfiguration.of(url(venue, "rest-url", venue.restUrl()),
                url(venue, "ws-url", venue.wsUrl()), null).withVenue(venue.name())
                .withTestnet(venue.restUrl().contains("testnet"));
        try {
            return credentials.isEmpty() ? config : config.withCredentials(HyperliquidCredentials.of(
                    credentials.get("private_key"), credentials.get("account_address")));
        } catch (IllegalArgumentException e) {
            throw new StartupException(e.getMessage(), e);
        }
    }

    /**
     * GRVT's three hosts ({@code rest-url} market data, {@code trades-url}, {@code auth-url}), the environment of the
     * credentials' {@code environment} field (production when absent) and {@code trading_account_id},
     * {@code private_key}, {@code api_key}.
     */
    private static GrvtConfiguration grvtConfig(VenueSettings venue, Map<String, String> credentials) {
        try {
            GrvtConfiguration config = GrvtConfiguration.of(url(venue, "rest-url", venue.restUrl()),
                    url(venue, "ws-url", venue.wsUrl()), url(venue, "trades-url", venue.url("trades-url")),
                    url(venue, "auth-url", venue.url("auth-url")), null).withVenue(venue.name())
                    .withEnvironment(GrvtEnvironment.parse(credentials.get("environment")));
            return credentials.isEmpty() ? config : config.withCredentials(GrvtCredentials.of(
                    credentials.get("trading_account_id"), credentials.get("private_key"), credentials.get("api_key")));
        } catch (IllegalArgumentException e) {
            throw new StartupException(e.getMessage(), e);
        }
    }

    /** The venue's variables: all of them or none (one without the other is a setup mistake worth stopping for). */
    private static Map<String, String> fromEnvironment(VenueSettings venue, Function<String, String> environment) {
        Map<String, String> values = VenueCredentialFields.fromEnvironment(venue.type(), environment);
        List<String> variables = VenueCredentialFields.of(venue.type()).stream()
                .map(VenueCredentialFields.Field::environmentVariable).toList();
        if (values.isEmpty() && venue.type().equals("edgex")
                && !isBlank(environment.apply(EdgexCredentials.STARK_PRIVATE_KEY_ENV))) {
            throw new StartupException(EdgexCredentials.v1KeyMessage());
        }
        if (values.isEmpty()) {
            LOG.info("{}: no credentials ({} not set): public data only, trading calls will fail", venue.name(),
                    String.join(" / ", variables));
            return Map.of();
        }
        try {
            return VenueCredentialFields.validate(venue.type(), values);
        } catch (AccountsException e) {
            throw new StartupException(e.getMessage() + "; set " + VenueCredentialFields.describeSets(venue.type())
                    + ", or none", e);
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static URI url(VenueSettings venue, String option, String value) {
        try {
            URI uri = URI.create(value);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("no scheme or host");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw PropertyReader.invalid(VenueSettings.key(venue.name(), option), value, "an absolute URL");
        }
    }
}
