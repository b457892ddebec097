package dev.linkgate.gateway.proxy;

import dev.linkgate.gateway.http.Request;

import java.util.Set;

/**
 * A request to send upstream, fired down a client pipeline to the {@link ProxyHandler}.
 *
 * @param request  the request as the client sent it
 * @param bodyRead true when nothing of the request is left to read from the client (a continue forwarded as a
 *                 GET, or a bodyless link request whose end was already read); otherwise its contents follow
 * @param observer hears the outcome (the link flow keeps a copy and settles the link's claim)
 * @param cookies  cookie names taken out of the forwarded Cookie line (linkgate's own, a link's session cookies)
 * @param asGet    an accepted continue: the link's own GET with the POST's headers but never its body
 */
public record Forward(Request request, boolean bodyRead, ForwardObserver observer, Set<String> cookies,
                      boolean asGet) {
    /** A request passed on as it came (but for the hop-by-hop rules and linkgate's own cookie). */
    public static Forward pass(Request request, Set<String> cookies) {
        return new Forward(request, false, ForwardObserver.NONE, cookies, false);
    }
}
