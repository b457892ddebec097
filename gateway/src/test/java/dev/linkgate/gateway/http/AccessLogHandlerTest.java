package dev.linkgate.gateway.http;

import dev.linkgate.gateway.admin.GatewayMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.linkgate.core.config.LinkRoute;
import dev.linkgate.core.request.LinkRoutes;
import dev.linkgate.gateway.admin.AccessLog;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import dev.linkgate.gateway.testing.Requests;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccessLogHandlerTest {
    private final Logger logger = (Logger) LoggerFactory.getLogger(AccessLog.LOGGER);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private Level level;

    @BeforeEach
    void capture() {
        level = logger.getLevel();
        logger.setLevel(Level.INFO);
        lines.start();
        logger.addAppender(lines);
    }

    @AfterEach
    void release() {
        logger.detachAppender(lines);
        logger.setLevel(level);
    }

    private static final GatewayMetrics METRICS = new GatewayMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));

    private static EmbeddedChannel channel() {
        AccessLogHandler log = new AccessLogHandler(Clock.systemUTC(), METRICS);
        return new EmbeddedChannel(log, Steps.handler(log));
    }

    private String logOne(String target) {
        EmbeddedChannel ch = channel();
        ch.writeInbound(Requests.parse("GET " + target + " HTTP/1.1\r\nHost: gate.example\r\n\r\n",
                LinkRoutes.of(List.of(new LinkRoute("/sign/{token}", null)))::match));
        ch.readInbound();
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                Unpooled.copiedBuffer(new byte[] {1, 2, 3}));
        ch.writeOutbound(r);
        ((FullHttpResponse) ch.readOutbound()).release();
        ch.finishAndReleaseAll();
        assertEquals(1, lines.list.size());
        return lines.list.get(0).getFormattedMessage();
    }

    @Test
    void aLinkTokenIsNeverLoggedWholeNorTheQuery() {
        String line = logOne("/sign/SECRETTOKEN123?email=someone@example.com");

        assertFalse(line.contains("SECRETTOKEN123"), line);
        assertFalse(line.contains("someone"), line);
        assertTrue(line.contains("\"path\":\"/sign/SECR…\""), line);
        assertTrue(line.contains("\"status\":200") && line.contains("\"bytes\":3"), line);
    }

    @Test
    void anAbsoluteFormTargetIsRedactedToo() {
        String line = logOne("http://gate.example/sign/SECRETTOKEN123");

        assertFalse(line.contains("SECRETTOKEN123"), line);
        assertFalse(line.contains("gate.example"), line);
    }
}
