package dev.perpflow.app.execution;

import dev.perpflow.exchange.ExchangeClient;
import dev.perpflow.exchange.error.ExchangeException;
import dev.perpflow.exchange.model.Balance;
import dev.perpflow.execution.Futures;
import dev.perpflow.risk.DailyLossLimit;
import dev.perpflow.risk.RiskGuard;
import dev.perpflow.risk.TradingState;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loss kill switch ({@code perpflow.risk.max-daily-loss-usd}, per account {@code ...max-daily-loss-usd.<account>};
 * off by default): on each check every trading account's value (the sum of what its venues report as total balance,
 * unrealized PnL included) is compared with its first reading of the UTC day, kept in {@code daily_equity}; an
 * account down more than its limit is halted through the {@link KillSwitch} (its working orders cancelled, the owner
 * told) and stays halted, across restarts, until an admin resumes it. A resume starts the day's count again from
 * the account's value at that moment.
 */
public final class DailyLossMonitor {

    private static final Logger LOG = LoggerFactory.getLogger(DailyLossMonitor.class);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    private record Baseline(LocalDate day, BigDecimal equity) {
    }

    private final AccountTrading trading;
    private final Function<String, Optional<DailyLossLimit>> limitOf;
    private final KillSwitch killSwitch;
    private final RiskGuard risk;
    private final DataSource dataSource;
    private final Clock clock;
    private final Map<String, Baseline> baselines = new ConcurrentHashMap<>();

    public DailyLossMonitor(AccountTrading trading, Function<String, Optional<DailyLossLimit>> limitOf,
            KillSwitch killSwitch, RiskGuard risk, DataSource dataSource, Clock clock) {
        this.trading = trading;
        this.limitOf = limitOf;
        this.killSwitch = killSwitch;
        this.risk = risk;
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Timer step: checks every account with a limit; one that is down more than it is halted. */
    public void check() {
        for (AccountTrading.Trading account : trading.tradings()) {
            Optional<DailyLossLimit> limit = limitOf.apply(account.account());
            if (limit.isEmpty() || risk.state(account.account()) == TradingState.HALTED) {
                continue;
            }
            Optional<BigDecimal> equity = equity(account);
            if (equity.isEmpty()) {
                continue;
            }
            BigDecimal start = baseline(account.account(), equity.get());
            limit.get().breach(account.account(), start, equity.get()).ifPresent(why -> {
                LOG.error("{}: halting the account", why);
                killSwitch.halt(account.account(), "daily-loss-limit", why);
            });
        }
    }

    /** After a resume: the account's day counts again from its value now. */
    public void rebase(String account) {
        trading.tradings().stream().filter(t -> t.account().equals(account)).findFirst().flatMap(this::equity)
                .ifPresent(equity -> {
                    LocalDate today = today();
                    baselines.put(account, new Baseline(today, equity));
                    store(account, today, equity, true);
                });
    }

    /** The account's value: the sum of every trading venue's total balance; empty when a venue cannot say. */
    private Optional<BigDecimal> equity(AccountTrading.Trading account) {
        BigDecimal total = BigDecimal.ZERO;
        for (Map.Entry<String, ExchangeClient> venue : account.clients().entrySet()) {
            if (!venue.getValue().canTrade()) {
                continue;
            }
            try {
                for (Balance balance : Futures.await(venue.getValue().balances(), CALL_TIMEOUT)) {
                    total = total.add(balance.total());
                }
            } catch (RuntimeException e) {
                LOG.debug("Daily loss check of {} skipped: {} balances unavailable ({})", account.account(),
                        venue.getKey(), ExchangeException.unwrap(e).getMessage());
                return Optional.empty();
            }
        }
        return Optional.of(total);
    }

    private BigDecimal baseline(String account, BigDecimal equity) {
        LocalDate today = today();
        Baseline known = baselines.get(account);
        if (known != null && known.day().equals(today)) {
            return known.equity();
        }
        BigDecimal start = store(account, today, equity, false).orElse(equity);
        baselines.put(account, new Baseline(today, start));
        LOG.info("Daily loss limit of {}: the day starts at {} USD", account, start.toPlainString());
        return start;
    }

    /** The day's first reading (kept, or this one), or the replaced one; empty when the database is unavailable. */
    private Optional<BigDecimal> store(String account, LocalDate day, BigDecimal equity, boolean replace) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO daily_equity (account, day, equity_usd, recorded_at) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT (account, day) DO UPDATE SET equity_usd = CASE WHEN ? THEN excluded.equity_usd "
                        + "ELSE daily_equity.equity_usd END RETURNING equity_usd")) {
            ps.setString(1, account);
            ps.setDate(2, Date.valueOf(day));
            ps.setBigDecimal(3, equity);
            ps.setTimestamp(4, Timestamp.from(clock.instant()));
            ps.setBoolean(5, replace);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return Optional.of(rs.getBigDecimal(1));
            }
        } catch (SQLException e) {
            LOG.warn("The day's starting value of {} is not stored ({}); kept in memory", account, e.getMessage());
            return Optional.empty();
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
