package dev.perpflow.component.grvt.dto;

/** GRVT's error answer: {@code {"request_id", "code", "message", "status"}} (codes in docs/venues/grvt.md). */
public record GrvtError(Integer code, String message, Integer status) {
}
