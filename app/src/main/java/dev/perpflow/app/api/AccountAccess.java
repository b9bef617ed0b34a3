package dev.perpflow.app.api;

import dev.perpflow.app.accounts.AccountRepository;
import dev.perpflow.app.accounts.AccountsException;
import dev.perpflow.app.accounts.Principal;
import dev.perpflow.app.execution.AccountTrading;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Which accounts a caller may see and act on. Admins (the bootstrap key included) reach every account: the
 * {@code default} account of the venues' environment credentials and every database account. Other users reach
 * only their own accounts. An account that does not exist answers 404; one that exists but belongs to someone else
 * answers 403. Database accounts are named {@code owner/account}; a caller's own account may be named bare.
 */
public final class AccountAccess {

    private final Supplier<AccountRepository> accounts;
    private final Instant startedAt;

    public AccountAccess(Supplier<AccountRepository> accounts, Instant startedAt) {
        this.accounts = accounts;
        this.startedAt = startedAt;
    }

    /** Account names the caller may use. */
    public List<String> accessibleNames(Principal caller) {
        return accessible(caller).stream().map(a -> String.valueOf(a.get("account_name"))).toList();
    }

    /** The caller's accounts as the API shows them. */
    public List<Map<String, Object>> accessible(Principal caller) {
        List<Map<String, Object>> rows = new ArrayList<>();
        if (caller.admin()) {
            rows.add(row(AccountTrading.DEFAULT, "admin", startedAt, true));
        }
        for (AccountRepository.Account account : accounts.get().list(caller.admin() ? null : caller.userId())) {
            rows.add(row(account.owner() + "/" + account.name(), account.owner(), account.createdAt(),
                    account.active()));
        }
        return rows;
    }

    /** The full name of the account the caller asked for; 404 when there is none, 403 when it is not theirs. */
    public String require(Principal caller, String requested) {
        if (requested == null || requested.isBlank()) {
            throw new BadRequestException("account_name", "account_name is required");
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
                            throw new NotFoundException("no account '" + requested + "'");
                        }
                        throw forbidden(requested);
                    });
        }
        AccountRepository.Account account;
        try {
            account = accounts.get().require(requested);
        } catch (AccountsException e) {
            if (e.getMessage().startsWith("no account")) {
                throw new NotFoundException(e.getMessage());
            }
            throw new BadRequestException("account_name", e.getMessage());
        }
        if (!caller.admin() && account.userId() != caller.userId()) {
            throw forbidden(requested);
        }
        return account.owner() + "/" + account.name();
    }

    /** Refuses what only admins may do (halt, resume, config reload). */
    public void requireAdmin(Principal caller, String action) {
        if (!caller.admin()) {
            throw new ApiResponseException(new ApiResponse(403, Map.of("detail", action + " needs an admin key")));
        }
    }

    public boolean canUse(Principal caller, String account) {
        return caller.admin() || accessibleNames(caller).contains(account);
    }

    static ApiResponseException forbidden(String account) {
        return new ApiResponseException(new ApiResponse(403, Map.of("detail",
                "account '" + account + "' belongs to another user")));
    }

    private static Map<String, Object> row(String name, String owner, Instant createdAt, boolean active) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("account_name", name);
        row.put("account_id", name);
        row.put("owner", owner);
        row.put("is_active", active);
        row.put("created_at", createdAt);
        return row;
    }
}
