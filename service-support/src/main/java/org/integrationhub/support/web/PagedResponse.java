package org.integrationhub.support.web;

import java.util.List;

/** A page of a list: {@code {"data": [...], "page": {"number", "size", "totalElements", "totalPages"}}}. */
public record PagedResponse<T>(List<T> data, PageInfo page) {

    public record PageInfo(int number, int size, long totalElements, long totalPages) {
    }

    public static <T> PagedResponse<T> of(List<T> items, int number, int size, long totalElements) {
        return new PagedResponse<>(List.copyOf(items), new PageInfo(number, size, totalElements, (totalElements + size - 1) / size));
    }
}
