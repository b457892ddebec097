package dev.linkgate.gateway.http1;

import dev.linkgate.core.config.Mode;
import dev.linkgate.gateway.testing.GatewayHarness;
import dev.linkgate.gateway.testing.ScriptedPolicy;
import dev.linkgate.gateway.testing.TestConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The differential corpus sent to a running gateway over real sockets, in front of an upstream that records what
 * it receives: what linkgate's parser refuses is answered with the parser's status and the connection closed,
 * and nothing the parser did not complete reaches the upstream (no smuggled second request); what it accepts
 * reaches the upstream request by request (method, origin-form target, body data) with one answer each, in
 * order. The 86 cases only linkgate refuses are the point: Netty's decoder would have passed them on.
 *
 * <p>One gateway serves every case, one connection each. Policy mode {@code monitor}: the link flow decides but
 * forwards, so the corpus's link-path requests reach the upstream as any other request does.
 */
class GatewayCorpusTest {
    private static final Corpus CORPUS = Corpus.load();
    private static RecordingUpstream upstream;
    private static GatewayHarness gateway;
    private static OverTheWire wire;

    @BeforeAll
    static void start() throws Exception {
        upstream = new RecordingUpstream();
        TestConfig config = TestConfig.defaults();
        config.upstream = upstream.uri();
        config.mode = Mode.MONITOR;
        gateway = GatewayHarness.start(config, ScriptedPolicy.of(Mode.MONITOR));
        wire = new OverTheWire(gateway.port(), upstream);
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
        upstream.close();
    }

    @Test
    void everyCaseSentInOneWriteIsAnsweredAndForwardedAsTheParserDecided() throws Exception {
        List<String> problems = run(c -> true, false);
        int refused = 0;
        int stricter = 0;
        int forwarded = 0;
        Map<String, Integer> endings = new TreeMap<>();
        for (Corpus.Case c : CORPUS.cases()) {
            GatewayExpectation e = GatewayExpectation.of(c.bytes());
            GatewayExpectation.Answer last = e.answers().isEmpty() ? null : e.answers().get(e.answers().size() - 1);
            String ending = last == null || last.forwarded() ? (e.closes() ? "close" : "open")
                    : last.status() + (e.unfinished() != null ? " in a body" : "");
            endings.merge(ending, 1, Integer::sum);
            boolean refusedByParser = NewParserRun.run(c.bytes(), Integer.MAX_VALUE).rejected();
            refused += refusedByParser ? 1 : 0;
            forwarded += e.forwarded().size();
            if (c.listedStricter()) {
                stricter++;
                assertTrue(refusedByParser && e.closes(), c + ": a stricter case the parser accepts");
            }
        }
        System.out.printf("over the wire: %d cases (%d refused by the parser, %d of them stricter than Netty; %d "
                + "accepted), %d requests forwarded, %d problem(s)%n", CORPUS.cases().size(), refused, stricter,
                CORPUS.cases().size() - refused, forwarded, problems.size());
        System.out.printf("  last answer, by case: %s; cut-off requests the upstream saw: %d%n", endings, wire.cutOff);
        assertEquals(86, stricter, "the corpus's stricter cases");
        report(problems);
    }

    @Test
    void stricterAndPipelinedCasesSentOneToThreeBytesAtATimeEndTheSame() throws Exception {
        Predicate<Corpus.Case> sample = c -> c.listedStricter()
                || (c.name().startsWith("pipelined") && !NewParserRun.run(c.bytes(), Integer.MAX_VALUE).rejected())
                || NewParserRun.run(c.bytes(), Integer.MAX_VALUE).requests().size() > 1;
        long n = CORPUS.cases().stream().filter(sample).count();
        List<String> problems = run(sample, true);
        System.out.printf("over the wire in 1-3 byte pieces: %d cases, %d problem(s)%n", n, problems.size());
        assertTrue(n > 86, "the sample holds the stricter and the pipelined cases: " + n);
        report(problems);
    }

    private static List<String> run(Predicate<Corpus.Case> which, boolean inPieces) throws Exception {
        List<String> problems = new ArrayList<>();
        for (Corpus.Case c : CORPUS.cases()) {
            if (which.test(c)) {
                String problem = wire.check(c, inPieces);
                if (problem != null) {
                    problems.add(c + ": " + problem);
                }
            }
        }
        return problems;
    }

    private static void report(List<String> problems) {
        if (!problems.isEmpty()) {
            fail(problems.size() + " case(s) where the running gateway did not do what the parser decided:\n"
                    + String.join("\n", problems));
        }
    }
}
