package dev.perpflow.component.lighter.dto;

import java.util.List;

/** {@code GET /api/v1/account}: the accounts matching the query (one for {@code by=index}). */
public record LighterAccounts(Integer code, String message, Integer total, List<LighterAccount> accounts) {
}
