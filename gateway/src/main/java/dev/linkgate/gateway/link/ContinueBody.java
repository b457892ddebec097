package dev.linkgate.gateway.link;

import dev.linkgate.core.policy.ContinueForm;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** The interstitial's form as it comes back: a small urlencoded POST on the link's own path. */
record ContinueBody(String token, String proof) {

    static boolean isContinue(HttpRequest request) {
        CharSequence type = HttpUtil.getMimeType(request);
        return HttpMethod.POST.equals(request.method()) && type != null
                && "application/x-www-form-urlencoded".contentEquals(type.toString().toLowerCase(java.util.Locale.ROOT));
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
