package dev.perpflow.component.grvt.dto;

/** GRVT's answer envelope: {@code {"result": …, "next": "<cursor>"}} ({@code next} on paged lists). */
public record GrvtResult<T>(T result, String next) {
}
