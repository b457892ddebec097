package dev.linkgate.gateway.proxy;

import io.netty.handler.codec.http.HttpRequest;

/**
 * A request to send upstream, fired down a client pipeline to the {@link ProxyHandler}.
 *
 * @param request  the request head as the client sent it
 * @param bodyRead true when nothing of the request is left to read from the client (a continue forwarded as a
 *                 GET, or a bodyless link request whose end was already read); otherwise its contents follow
 * @param observer hears the outcome (the link flow keeps a copy and settles the link's claim)
 */
public record Forward(HttpRequest request, boolean bodyRead, ForwardObserver observer) {
}
