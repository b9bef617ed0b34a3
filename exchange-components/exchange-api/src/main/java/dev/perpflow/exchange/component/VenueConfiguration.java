package dev.perpflow.exchange.component;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The options every venue's {@code <Venue>Configuration} has: where the venue is and how long one REST call may
 * take. A venue's configuration adds its credentials and signing settings. A component holds one; each endpoint
 * gets a copy with its own URI options applied, and endpoints whose configurations name the same venue account
 * ({@link #clientKey()}) share one client.
 */
@UriParams
public abstract class VenueConfiguration implements Cloneable {

    @UriParam(label = "advanced", description = "Name the venue reports in its data (several accounts or venues of"
            + " one kind side by side); the scheme by default.")
    private String venue;

    @UriParam(description = "REST base URL.")
    private String restUrl;

    @UriParam(description = "WebSocket base URL.")
    private String wsUrl;

    @UriParam(label = "advanced", defaultValue = "10000", description = "Timeout of one REST call (milliseconds).")
    private long restTimeout = 10_000;

    protected VenueConfiguration(String venue, String restUrl, String wsUrl) {
        this.venue = venue;
        this.restUrl = restUrl;
        this.wsUrl = wsUrl;
    }

    /** A copy to change without changing this one. */
    @SuppressWarnings("unchecked")
    protected <T extends VenueConfiguration> T copyAs(Class<T> type) {
        try {
            return type.cast(clone());
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    /**
     * What makes two configurations the same venue account: the URLs, timeouts and the credentials' identity.
     * Equal keys share one client (one connection pool, one rate budget, one private stream).
     */
    public final Object clientKey() {
        List<Object> key = new ArrayList<>(List.of(getClass(), String.valueOf(venue), String.valueOf(restUrl),
                String.valueOf(wsUrl), restTimeout));
        key.addAll(accountKey());
        return java.util.Collections.unmodifiableList(key);
    }

    /** The venue-specific part of {@link #clientKey()}: credentials (compared, never printed) and signing settings. */
    protected abstract List<Object> accountKey();

    /** Whether the settings for trading are there (public data needs none). */
    public abstract boolean hasCredentials();

    public URI restUrl() {
        return URI.create(restUrl);
    }

    public URI wsUrl() {
        return URI.create(wsUrl);
    }

    public Duration requestTimeout() {
        return Duration.ofMillis(restTimeout);
    }

    public String getVenue() {
        return venue;
    }

    public void setVenue(String venue) {
        this.venue = venue;
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

    public long getRestTimeout() {
        return restTimeout;
    }

    public void setRestTimeout(long restTimeout) {
        if (restTimeout <= 0) {
            throw new IllegalArgumentException(venue + ": restTimeout must be positive, was " + restTimeout);
        }
        this.restTimeout = restTimeout;
    }

    /** The venue and URL; never credentials. */
    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + venue + ", " + restUrl + "]";
    }
}
