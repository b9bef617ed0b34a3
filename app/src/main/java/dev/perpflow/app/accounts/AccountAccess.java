package dev.perpflow.app.accounts;

import dev.perpflow.app.control.Refusal;
import dev.perpflow.app.execution.AccountTrading;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Which accounts a caller may see and act on: the one place authorization on an account is decided, for REST,
 * Telegram and the event feed alike. Admins (the bootstrap key included) reach every account: the {@code default}
 * account of the venues' environment credentials and every database account. Other users reach only their own
 * accounts. An account that does not exist is refused as not found; one that exists but belongs to someone else as
 * forbidden ({@link Refusal}). Database accounts are named {@code owner/account}; a caller's own account may be named
 * bare.
 */
public final class AccountAccess {

    /** An account a caller may use. */
    public record Accessible(String name, String owner, boolean active, Instant createdAt) {
    }

    private final Supplier<AccountRepository> accounts;
    private final Instant startedAt;

    public AccountAccess(Supplier<AccountRepository> accounts, Instant startedAt) {
        this.accounts = accounts;
        this.startedAt = startedAt;
    }

    /** Account names the caller may use. */
    public List<String> accessibleNames(Principal caller) {
        return accessible(caller).stream().map(Accessible::name).toList();
    }

    /** The caller's accounts. */
    public List<Accessible> accessible(Principal caller) {
        List<Accessible> rows = new ArrayList<>();
        if (caller.admin()) {
            rows.add(new Accessible(AccountTrading.DEFAULT, "admin", true, startedAt));
        }
        for (AccountRepository.Account account : accounts.get().list(caller.admin() ? null : caller.userId())) {
            rows.add(new Accessible(account.owner() + "/" + account.name(), account.owner(), account.active(),
                    account.createdAt()));
        }
        return rows;
    }

    /** The full name of the account the caller asked for; 404 when there is none, 403 when it is not theirs. */
    public String require(Principal caller, String requested) {
        if (requested == null || requested.isBlank()) {
            throw Refusal.invalid("account_name", "account_name is required");
        }
        if (requested.equals(AccountTrading.DEFAULT)) {
            if (!caller.admin()) {
                throw forbidden(requested);
            }
            return AccountTrading.DEFAULT;
        }
        if (!caller.admin() && !requested.contains("/")) {
            return accounts.get().find(caller.userId(), requested).map(a -> a.owner() + "/" + a.name())
                    .orElseGet(() -> {
                        if (accounts.get().named(requested).isEmpty()) {
                            throw Refusal.notFound("no account '" + requested + "'");
                        }
                        throw forbidden(requested);
                    });
        }
        AccountRepository.Account account;
        try {
            account = accounts.get().require(requested);
        } catch (AccountsException e) {
            if (e.getMessage().startsWith("no account")) {
                throw Refusal.notFound(e.getMessage());
            }
            throw Refusal.invalid("account_name", e.getMessage());
        }
        if (!caller.admin() && account.userId() != caller.userId()) {
            throw forbidden(requested);
        }
        return account.owner() + "/" + account.name();
    }

    /** Refuses what only admins may do (halt, resume, config reload). */
    public void requireAdmin(Principal caller, String action) {
        if (!caller.admin()) {
            throw Refusal.forbidden(action + " needs an admin key");
        }
    }

    public boolean canUse(Principal caller, String account) {
        return caller.admin() || accessibleNames(caller).contains(account);
    }

    static Refusal forbidden(String account) {
        return Refusal.forbidden("account '" + account + "' belongs to another user");
    }
}
