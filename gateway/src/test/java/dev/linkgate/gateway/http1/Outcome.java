package dev.linkgate.gateway.http1;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * What a parser made of a case's bytes: the requests it completed, in order, and whether it refused the bytes
 * at some point (what follows a refusal is never read).
 */
record Outcome(List<Request> requests, boolean rejected, String why) {
    /** One request as a parser saw it: enough to tell whether two parsers would forward the same thing. */
    record Request(String method, String target, String version, List<Map.Entry<String, String>> headers,
                   String body, List<Map.Entry<String, String>> trailers) {
        static String hex(byte[] body) {
            return HexFormat.of().formatHex(body);
        }
    }

    boolean accepted() {
        return !rejected;
    }
}
