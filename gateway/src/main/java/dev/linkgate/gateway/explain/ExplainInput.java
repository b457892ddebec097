package dev.linkgate.gateway.explain;

import com.fasterxml.jackson.databind.JsonNode;
import dev.linkgate.core.config.ClosestKey;
import dev.linkgate.core.request.RequestHeaders;
import io.netty.util.NetUtil;

import java.net.InetAddress;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One request to explain, read from a JSON line:
 * {@code {"method":"GET","path":"/sign/x?y=1","client":"203.0.113.7","headers":{"User-Agent":"..."},"time":"..."}}.
 * method defaults to GET and time to now; client must be an IP literal (never resolved: no DNS from explain).
 * Any other field is an error: a misspelt "headres" would otherwise explain a request without its headers.
 */
record ExplainInput(String method, String path, String query, InetAddress client, RequestHeaders headers,
                    Instant time) {
    static final List<String> FIELDS = List.of("method", "path", "client", "headers", "time");

    static ExplainInput of(JsonNode line, Instant now) {
        if (!line.isObject()) {
            throw new IllegalArgumentException("expected a JSON object");
        }
        for (Iterator<String> names = line.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                String meant = ClosestKey.to(name, FIELDS);
                throw new IllegalArgumentException("unknown field \"" + name + "\"; " + (meant != null
                        ? "did you mean \"" + meant + "\"?" : "the fields are " + String.join(", ", FIELDS)));
            }
        }
        String method = text(line, "method", "GET").toUpperCase(Locale.ROOT);
        String target = text(line, "path", null);
        if (target == null || !target.startsWith("/")) {
            throw new IllegalArgumentException("\"path\" must be present and start with /");
        }
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        String query = q < 0 ? null : target.substring(q + 1);
        String clientText = text(line, "client", null);
        InetAddress client = clientText == null ? null : NetUtil.createInetAddressFromIpAddressString(clientText);
        if (client == null) {
            throw new IllegalArgumentException("\"client\" must be an IPv4 or IPv6 address");
        }
        Instant time = now;
        String timeText = text(line, "time", null);
        if (timeText != null) {
            try {
                time = Instant.parse(timeText);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("\"time\" must be an ISO-8601 instant such as 2026-11-27T10:00:00Z");
            }
        }
        return new ExplainInput(method, path, query, client, headers(line.get("headers")), time);
    }

    private static RequestHeaders headers(JsonNode node) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (node == null || node.isNull()) {
            return RequestHeaders.of(headers);
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("\"headers\" must be an object of name: value");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> h = it.next();
            if (!h.getValue().isTextual()) {
                throw new IllegalArgumentException("header \"" + h.getKey() + "\" must be a string");
            }
            headers.putIfAbsent(h.getKey(), h.getValue().asText());
        }
        return RequestHeaders.of(headers);
    }

    private static String text(JsonNode line, String field, String fallback) {
        JsonNode v = line.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isTextual()) {
            throw new IllegalArgumentException("\"" + field + "\" must be a string");
        }
        return v.asText();
    }
}
