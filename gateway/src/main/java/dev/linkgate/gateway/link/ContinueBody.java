package dev.linkgate.gateway.link;

import dev.linkgate.core.policy.ContinueForm;
import dev.linkgate.gateway.http1.RequestHead;
import io.netty.handler.codec.http.QueryStringDecoder;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** The interstitial's form as it comes back: a small urlencoded POST on the link's own path. */
record ContinueBody(String token, String proof) {

    static boolean isContinue(RequestHead head) {
        if (!"POST".equals(head.method())) {
            return false;
        }
        String type = head.header("Content-Type");
        if (type == null) {
            return false;
        }
        int semi = type.indexOf(';');
        return "application/x-www-form-urlencoded".equalsIgnoreCase((semi < 0 ? type : type.substring(0, semi)).strip());
    }

    static ContinueBody parse(byte[] body) {
        Map<String, List<String>> fields = new QueryStringDecoder(new String(body, StandardCharsets.UTF_8),
                StandardCharsets.UTF_8, false, 16).parameters();
        return new ContinueBody(first(fields, ContinueForm.TOKEN_FIELD), first(fields, ContinueForm.PROOF_FIELD));
    }

    private static String first(Map<String, List<String>> fields, String name) {
        List<String> values = fields.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
