package dev.linkgate.gateway.http;

import io.netty.channel.ChannelHandlerContext;

/**
 * A step a client connection's inbound messages pass through inside {@link RequestStart}, rather than as a
 * pipeline handler of its own. Each handler between the HTTP/1.1 step and the link flow costs every message a
 * pipeline hop (the next context looked up by mask, an event-loop check, a leak-detector touch, a megamorphic
 * call), and a request is two messages at least (its head and its end): the steps that only look at a message
 * and pass it on are called in turn by the one handler instead. Their answers are written from that handler's
 * context, so they pass through the same outbound steps as before (access log, encoder).
 */
interface RequestStep {

    /**
     * Sees one inbound message before the handlers after {@link RequestStart}.
     *
     * @return true when the message goes on; false when this step answered it and it goes no further (the step
     *         then owns it: a reference-counted message is released)
     */
    boolean onRead(ChannelHandlerContext ctx, Object msg);
}
