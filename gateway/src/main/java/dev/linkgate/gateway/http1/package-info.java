/**
 * HTTP/1.1 requests read once from their bytes, for the client side of the gateway: {@link
 * dev.linkgate.gateway.http1.RequestHeadParser} makes one immutable {@link dev.linkgate.gateway.http1.RequestHead}
 * per request, {@link dev.linkgate.gateway.http1.ChunkedBodyFramer} finds where a chunked body ends while it is
 * relayed as bytes, and {@link dev.linkgate.gateway.http1.HeadWriter} writes the head for the upstream from the
 * bytes it arrived as.
 *
 * <p>Not yet in the pipeline: GatewayInitializer still decodes with Netty's HttpServerCodec. The parser is
 * stricter than that codec as configured there; the corpus under {@code src/test/resources/http1/} lists every
 * request where the two differ and why (DifferentialTest), and RequestParserFuzzTest fuzzes the same properties.
 */
package dev.linkgate.gateway.http1;
