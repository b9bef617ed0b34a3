package dev.perpflow.component.paradex.dto;

/** {@code GET /system/state}: {@code ok}, {@code maintenance}, {@code cancel_only} or {@code post_only}. */
public record ParadexSystemState(String status) {
}
