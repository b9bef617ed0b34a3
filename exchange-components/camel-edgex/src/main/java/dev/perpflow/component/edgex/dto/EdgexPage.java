package dev.perpflow.component.edgex.dto;

import java.util.List;

/** A paged list: {@code dataList} and the {@code nextPageOffsetData} cursor (empty on the last page). */
public record EdgexPage<T>(List<T> dataList, String nextPageOffsetData) {

    public List<T> rows() {
        return dataList == null ? List.of() : dataList;
    }
}
