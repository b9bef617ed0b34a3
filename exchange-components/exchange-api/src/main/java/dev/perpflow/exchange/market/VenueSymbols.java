package dev.perpflow.exchange.market;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A venue's market name as perpflow's symbol and quantity multiplier: the name is a base followed by one of the
 * venue's quote suffixes ({@code -USD-PERP}, {@code _USDC_PERP}, {@code USD}); a base with the venue's thousands
 * prefix ({@code k}, {@code 1000}) quotes 1000 tokens per contract ({@code kBONK} is {@code BONK} × 1000). A name with
 * another suffix, an empty base or characters other than capitals and digits is not a market of this kind.
 */
public final class VenueSymbols {

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);
    private static final Pattern PLAIN = Pattern.compile("^[A-Z0-9]+$");

    /** A parsed name: the normalized symbol and tokens per contract. */
    public record Parsed(String symbol, BigDecimal multiplier) {
    }

    private final Pattern thousands;
    private final String[] suffixes;

    private VenueSymbols(String thousandsPrefix, String... suffixes) {
        this.thousands = Pattern.compile("^" + Pattern.quote(thousandsPrefix) + "([A-Z][A-Z0-9]*)$");
        this.suffixes = suffixes.clone();
    }

    /** Names ending in one of {@code suffixes} (the longest that matches is taken), 1000-token bases prefixed so. */
    public static VenueSymbols of(String thousandsPrefix, String... suffixes) {
        if (suffixes.length == 0) {
            throw new IllegalArgumentException("at least one suffix");
        }
        return new VenueSymbols(thousandsPrefix, suffixes);
    }

    public Optional<Parsed> parse(String venueSymbol) {
        if (venueSymbol == null) {
            return Optional.empty();
        }
        String suffix = null;
        for (String candidate : suffixes) {
            if (venueSymbol.endsWith(candidate) && (suffix == null || candidate.length() > suffix.length())) {
                suffix = candidate;
            }
        }
        if (suffix == null || venueSymbol.length() == suffix.length()) {
            return Optional.empty();
        }
        String base = venueSymbol.substring(0, venueSymbol.length() - suffix.length());
        Matcher matcher = thousands.matcher(base);
        if (matcher.matches()) {
            return Optional.of(new Parsed(matcher.group(1), THOUSAND));
        }
        return PLAIN.matcher(base).matches() ? Optional.of(new Parsed(base, BigDecimal.ONE)) : Optional.empty();
    }
}
