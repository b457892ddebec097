package dev.linkgate.gateway.http1;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * linkgate's parser against Netty's decoder (as the gateway configures it) on the corpus: where Netty accepts,
 * linkgate's parser sees the same requests (method, target, version, fields, body and trailers, and so the same
 * boundaries between pipelined requests) or refuses, and every refusal of that kind is listed in the corpus with
 * its reason. It never accepts what Netty refuses.
 */
class DifferentialTest {
    private static final Corpus CORPUS = Corpus.load();

    @Test
    void theCorpusHoldsAtLeast300Requests() {
        assertTrue(CORPUS.cases().size() >= 300, "corpus size " + CORPUS.cases().size());
        assertEquals(CORPUS.cases().size(), CORPUS.cases().stream().map(Corpus.Case::toString).distinct().count(),
                "case names are unique");
    }

    @Test
    void theGatewayReadsHttp11WithTheParserProvenHereNotWithNettysDecoder() throws IOException {
        Path source = Path.of(System.getProperty("linkgate.project.dir", "."),
                "gateway/src/main/java/dev/linkgate/gateway/GatewayInitializer.java");
        String code = Files.readString(source);
        assertTrue(code.contains("new Http1ServerHandler("), "the HTTP/1.1 step is no longer Http1ServerHandler");
        assertFalse(code.contains("HttpServerCodec") || code.contains("HttpRequestDecoder"),
                "Netty's request decoder is back in the client pipeline: the differential proof no longer covers it");
    }

    @Test
    void whereNettyAcceptsTheParserAgreesOrRefusesForAListedReason() {
        List<String> problems = new ArrayList<>();
        Map<String, Integer> stricter = new TreeMap<>();
        int bothAccept = 0;
        int bothRefuse = 0;
        for (Corpus.Case c : CORPUS.cases()) {
            Outcome netty = NettyReference.run(c.bytes());
            Outcome ours = NewParserRun.run(c.bytes(), Integer.MAX_VALUE);
            String problem = compare(c, netty, ours);
            if (problem != null) {
                problems.add(c + ": " + problem);
            } else if (c.listedStricter()) {
                stricter.merge(c.stricterReason(), 1, Integer::sum);
            } else if (ours.accepted()) {
                bothAccept++;
            } else {
                bothRefuse++;
            }
        }
        System.out.printf("differential: %d cases, %d accepted by both, %d refused by both, %d refused only by "
                + "linkgate's parser (listed):%n", CORPUS.cases().size(), bothAccept, bothRefuse,
                stricter.values().stream().mapToInt(Integer::intValue).sum());
        stricter.forEach((reason, n) -> System.out.printf("  %3d  %s%n", n, reason));
        if (!problems.isEmpty()) {
            fail(problems.size() + " unlisted disagreement(s):\n" + String.join("\n", problems));
        }
    }

    @Test
    void theParserSeesTheSameWhateverPiecesTheBytesArriveIn() {
        for (Corpus.Case c : CORPUS.cases()) {
            Outcome whole = NewParserRun.run(c.bytes(), Integer.MAX_VALUE);
            for (int step : new int[] {1, 7, 100}) {
                assertEquals(whole, NewParserRun.run(c.bytes(), step), c + " fed " + step + " bytes at a time");
            }
        }
    }

    /** Null when the case behaves as listed, else what is wrong. */
    static String compare(Corpus.Case c, Outcome netty, Outcome ours) {
        if (ours.accepted() && netty.rejected()) {
            return "linkgate's parser accepts what Netty refuses (" + netty.why() + ")";
        }
        if (c.listedStricter()) {
            if (ours.accepted() || netty.rejected()) {
                return "listed as stricter, but linkgate " + (ours.accepted() ? "accepts" : "refuses") + " and Netty "
                        + (netty.accepted() ? "accepts" : "refuses (" + netty.why() + ")");
            }
            return samePrefix(netty, ours);
        }
        if (ours.rejected() && netty.accepted()) {
            return "unlisted: linkgate's parser refuses (" + ours.why() + ") what Netty accepts";
        }
        if (ours.accepted()) {
            return netty.requests().equals(ours.requests()) ? null
                    : "both accept but see different requests:\n  netty: " + netty.requests() + "\n  ours:  "
                    + ours.requests();
        }
        return samePrefix(netty, ours);
    }

    /** Before a refusal, the requests that came first must be the ones Netty saw. */
    private static String samePrefix(Outcome netty, Outcome ours) {
        int n = Math.min(netty.requests().size(), ours.requests().size());
        return netty.requests().subList(0, n).equals(ours.requests().subList(0, n)) ? null
                : "the requests before the refusal differ:\n  netty: " + netty.requests() + "\n  ours:  "
                + ours.requests();
    }
}
