package dev.linkgate.core.config;

/**
 * One kind of email link. {@code path} is a pattern such as {@code /sign/{token}}; when {@code query} is set
 * the token is that query parameter of {@code path} instead.
 */
public record LinkRoute(String path, String query) {
}
