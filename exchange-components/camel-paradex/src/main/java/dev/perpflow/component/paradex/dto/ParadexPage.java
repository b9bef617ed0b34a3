package dev.perpflow.component.paradex.dto;

import java.util.List;

/** Paradex's list envelope: {@code {"next":cursor,"prev":cursor,"results":[...]}} (cursors only on paged endpoints). */
public record ParadexPage<T>(String next, String prev, List<T> results) {

    public List<T> rows() {
        return results == null ? List.of() : results;
    }
}
