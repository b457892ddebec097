package dev.linkgate.gateway.admin;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccessLogTest {
    private final Logger logger = (Logger) LoggerFactory.getLogger(AccessLog.LOGGER);
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();

    @BeforeEach
    void capture() {
        captured.start();
        logger.addAppender(captured);
        logger.setLevel(Level.INFO);
    }

    @AfterEach
    void release() {
        logger.detachAppender(captured);
    }

    @Test
    void timesAreWrittenAsInstantWritesThemWhateverTheirPrecision() {
        // The second's text is cached: cover a change of second, of day, nanos in every group, and the epoch.
        long[][] cases = {{1_795_780_800L, 0}, {1_795_780_800L, 123_000_000}, {1_795_780_800L, 123_456_000},
                {1_795_780_800L, 123_456_789}, {1_795_780_801L, 5_000_000}, {1_795_780_801L, 7}, {1_795_867_199L, 999_999_999},
                {1_795_867_200L, 1_000}, {0L, 0}, {1_795_780_800L, 10_000_000}};
        for (long[] c : cases) {
            Instant t = Instant.ofEpochSecond(c[0], c[1]);
            JsonLine out = new JsonLine();
            AccessLog.time(out, t);
            assertEquals('"' + t.toString() + '"', out.text());
        }
    }

    @Test
    void eachRequestIsOneJsonLineWithEveryField() throws Exception {
        AccessLog.log(new AccessLog.AccessRecord(Instant.parse("2026-11-27T10:00:00.123Z"), "203.0.113.7", "GET",
                "/sign/abcd…", "INTERSTITIAL", List.of("head_request", "scanner_network"), 200, 3120, 0, 3,
                "HTTP/2.0"));
        assertEquals(1, captured.list.size());
        String line = captured.list.get(0).getFormattedMessage();
        assertFalse(line.contains("\n"));
        JsonNode json = new ObjectMapper().readTree(line);
        assertEquals("2026-11-27T10:00:00.123Z", json.get("time").asText());
        assertEquals("203.0.113.7", json.get("client").asText());
        assertEquals("GET", json.get("method").asText());
        assertEquals("/sign/abcd…", json.get("path").asText());
        assertEquals("HTTP/2.0", json.get("protocol").asText());
        assertEquals("INTERSTITIAL", json.get("decision").asText());
        assertEquals("head_request", json.get("reasons").get(0).asText());
        assertEquals("scanner_network", json.get("reasons").get(1).asText());
        assertEquals(200, json.get("status").asInt());
        assertEquals(3120, json.get("bytes").asLong());
        assertEquals(0, json.get("upstream_ms").asLong());
        assertEquals(3, json.get("total_ms").asLong());
        assertEquals(List.of("time", "client", "method", "path", "protocol", "decision", "reasons", "status", "bytes",
                "upstream_ms", "total_ms"), iterable(json));
    }

    @Test
    void quotesAndControlCharactersCannotBreakTheLine() throws Exception {
        AccessLog.log(new AccessLog.AccessRecord(Instant.EPOCH, "::1", "GET", "/x\"\n{\"forged\":1}", "PASS",
                null, 404, 0, 0, 0));
        String line = captured.list.get(0).getFormattedMessage();
        assertFalse(line.contains("\n"));
        JsonNode json = new ObjectMapper().readTree(line);
        assertEquals("/x\"\n{\"forged\":1}", json.get("path").asText());
        assertTrue(json.get("reasons").isArray());
        assertEquals(0, json.get("reasons").size());
    }

    @Test
    void everyCharacterAClientCanSendRoundTripsThroughTheJsonLine() throws Exception {
        StringBuilder nasty = new StringBuilder("/p");
        for (char c = 0; c < 0x80; c++) {
            nasty.append(c);
        }
        nasty.append("\u2028\u2029é€😀\\\"");
        AccessLog.log(new AccessLog.AccessRecord(null, "::1", "GET", nasty.toString(), "pass",
                List.of("a\"b"), 200, 1, 2, 3));
        String line = captured.list.get(0).getFormattedMessage();
        assertFalse(line.contains("\n") || line.contains("\r") || line.contains("\u2028"));
        JsonNode json = new ObjectMapper().readTree(line);
        assertEquals(nasty.toString(), json.get("path").asText());
        assertTrue(json.get("time").isNull());
        assertEquals("a\"b", json.get("reasons").get(0).asText());
    }

    private static List<String> iterable(JsonNode json) {
        List<String> names = new java.util.ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
