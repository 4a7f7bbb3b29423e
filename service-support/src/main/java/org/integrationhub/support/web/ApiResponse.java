package org.integrationhub.support.web;

/** The body of every successful API response: {@code {"data": ...}}. */
public record ApiResponse<T>(T data) {

    public static <T> ApiResponse<T> of(T data) {
        return new ApiResponse<>(data);
    }
}
