package dev.linkgate.core.request;

import java.net.InetAddress;
import java.time.Instant;
import java.util.Objects;

/**
 * The facts of one request on a link path, as the gateway saw them.
 *
 * @param method     HTTP method, upper case
 * @param path       raw path without the query
 * @param query      raw query string without '?', or null
 * @param linkKey    the link's token, extracted by {@link LinkRoutes}; a credential, never log it whole
 * @param client     the resolved client address (after trusted proxies)
 * @param headers    request headers
 * @param receivedAt when the request arrived
 */
public record ClickRequest(String method, String path, String query, String linkKey, InetAddress client,
                           RequestHeaders headers, Instant receivedAt) {
    public ClickRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(linkKey, "linkKey");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    public String userAgent() {
        return headers.get("User-Agent");
    }

    /** Path and query as the client sent them. */
    public String uri() {
        return query == null ? path : path + '?' + query;
    }
}
