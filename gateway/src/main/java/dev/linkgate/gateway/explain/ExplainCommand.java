package dev.linkgate.gateway.explain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkgate.core.config.LinkgateConfig;
import dev.linkgate.core.detect.Classification;
import dev.linkgate.core.detect.Detector;
import dev.linkgate.core.detect.Evidence;
import dev.linkgate.core.detect.RequestClassifier;
import dev.linkgate.core.policy.Action;
import dev.linkgate.core.policy.ClickPolicy;
import dev.linkgate.core.policy.Decision;
import dev.linkgate.core.request.ClickRequest;
import dev.linkgate.core.request.LinkId;
import dev.linkgate.core.request.LinkRoutes;
import dev.linkgate.core.session.BrowserCookies;
import dev.linkgate.core.session.CookieHeader;
import dev.linkgate.core.ledger.InMemoryClickLedger;
import dev.linkgate.core.ledger.LedgerSettings;
import dev.linkgate.gateway.reload.LiveConfig;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code linkgate explain --config FILE}: reads requests as JSON lines on stdin and prints, for each, what
 * linkgate would do with it on a fresh link (a new in-memory ledger per line): the verdict, the evidence's
 * reason codes, the decision and a readable trace. A line that cannot be read prints
 * {@code {"error":"line N: ..."}} and the rest go on; the exit code is 1 when any line failed. Output never
 * holds a whole link token or continue token.
 */
public final class ExplainCommand {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Each line's ledger holds one link; a small bound keeps a fresh ledger per line cheap. */
    private static final long EXPLAIN_LINKS = 1024;

    private final LinkgateConfig config;
    private final RequestClassifier classifier;
    private final LinkRoutes links;
    private final Supplier<Instant> now;

    ExplainCommand(LinkgateConfig config, RequestClassifier classifier, Supplier<Instant> now) {
        this.config = config;
        this.classifier = classifier;
        this.links = LinkRoutes.of(config.links());
        this.now = now;
    }

    /** Loads the detection lists named in config; when they cannot be loaded, says why on one line and returns 1. */
    public static int run(LinkgateConfig config, InputStream in, PrintStream out) {
        Detector detector;
        try {
            detector = Detector.load(config.detection(), config.policy(), config.links());
        } catch (IllegalArgumentException e) {
            ObjectNode error = JSON.createObjectNode();
            error.put("error", "detection lists: " + e.getMessage());
            out.println(error);
            out.flush();
            return 1;
        }
        return new ExplainCommand(config, detector, Instant::now).explainAll(in, out);
    }

    int explainAll(InputStream in, PrintStream out) {
        int failed = 0;
        int number = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                ObjectNode result;
                try {
                    result = explain(JSON.readTree(line));
                } catch (JsonProcessingException e) {
                    // Jackson's message quotes the input, which may hold a token: say only where it broke.
                    result = error(number, "not valid JSON (column " + e.getLocation().getColumnNr() + ")");
                } catch (IllegalArgumentException e) {
                    result = error(number, e.getMessage());
                } catch (RuntimeException e) {
                    result = error(number, "cannot explain: " + e);
                }
                if (result.has("error")) {
                    failed++;
                }
                out.println(result);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.flush();
        return failed == 0 ? 0 : 1;
    }

    /** What linkgate would do with this request on a link nobody has clicked yet. */
    ObjectNode explain(JsonNode line) {
        ExplainInput input = ExplainInput.of(line, now.get());
        Clock clock = Clock.fixed(input.time(), ZoneOffset.UTC);
        // The policy as serve assembles it, over a fresh ledger: the request is judged as a link's first visit.
        LedgerSettings s = LedgerSettings.from(config.policy(), config.store());
        InMemoryClickLedger ledger = new InMemoryClickLedger(new LedgerSettings(s.linkTtl(), EXPLAIN_LINKS,
                s.fanOutWindow(), s.responseRetention(), s.resumeWindow(), s.maxCopyMemory()), clock);
        ClickPolicy policy = LiveConfig.assemble(config, classifier, ledger, null, clock).policy().traced();
        String token = links.match(input.path(), input.query());
        ClickRequest request = new ClickRequest(input.method(), input.path(), input.query(), token == null ? "" : token,
                input.client(), input.headers(), input.time());
        if (token == null) {
            ObjectNode out = result(policy.classify(request), "PASS", null, null, null);
            ((ArrayNode) out.get("trace")).add("not a link path: passed through untouched");
            return out;
        }
        Decision d = policy.decide(request).toCompletableFuture().join();
        ObjectNode out = result(d.classification(), d.action().name(), d.reason().label(),
                d.monitored() ? d.wouldHave().name() : null, LinkId.redact(token));
        ArrayNode trace = (ArrayNode) out.get("trace");
        d.trace().forEach(trace::add);
        explainCookies(input, d, out, trace);
        return out;
    }

    /**
     * Which of the request's cookies the forward would leave out: linkgate's own (while resume is on), and on a
     * first click the route's session cookies. Names only: cookie values are credentials.
     */
    private void explainCookies(ExplainInput input, Decision d, ObjectNode out, ArrayNode trace) {
        String header = input.headers().get("Cookie");
        if (header == null || d.action() != Action.FORWARD) {
            return;
        }
        List<String> names = new ArrayList<>();
        if (d.claimed()) {
            names.addAll(links.sessionCookies(input.path(), input.query()));
        }
        if (config.policy().resumes()) {
            // linkgate's own cookie exists only while resume is on; then it never reaches the app.
            names.addAll(List.of(BrowserCookies.HOST_PREFIX + config.policy().browserCookie(),
                    config.policy().browserCookie()));
        }
        List<String> removed = new ArrayList<>();
        CookieHeader.without(header, names, removed);
        ArrayNode list = out.putArray("cookies_removed");
        removed.forEach(list::add);
        trace.add(removed.isEmpty() ? "forwarded with every cookie it carries"
                : "forwarded without the cookies " + String.join(", ", removed)
                        + (d.claimed() ? " (a new link starts a clean session in the app)" : ""));
    }

    private static ObjectNode result(Classification c, String decision, String reason, String wouldHave,
                                     String link) {
        ObjectNode out = JSON.createObjectNode();
        out.put("verdict", c.verdict().name());
        ArrayNode reasons = out.putArray("reasons");
        c.reasons().forEach(reasons::add);
        out.put("decision", decision);
        if (reason != null) {
            out.put("reason", reason);
        }
        if (wouldHave != null) {
            out.put("would_have", wouldHave);
        }
        if (link != null) {
            out.put("link", link);
        }
        ArrayNode trace = out.putArray("trace");
        for (Evidence e : c.evidence()) {
            trace.add("evidence " + e.signal() + "/" + e.reason() + " (" + e.weight() + ")"
                    + (e.detail() == null ? "" : ": " + e.detail()));
        }
        return out;
    }

    private static ObjectNode error(int line, String message) {
        ObjectNode out = JSON.createObjectNode();
        out.put("error", "line " + line + ": " + message);
        return out;
    }
}
