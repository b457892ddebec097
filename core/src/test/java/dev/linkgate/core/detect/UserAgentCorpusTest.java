package dev.linkgate.core.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shipped user-agent list against outside corpora nobody on this project wrote (test resources under corpora/). Figures
 * are printed so they show in the build log.
 *
 * <p>Dates: the intoli profiles come from npm user-agents 2.1.198, whose newest majors are Chrome 155,
 * Firefox 156 and Safari 27, and whose most common recent one is Chrome 153. By the calibrated release
 * calendars that is October 2026, not 2025: on 2025-09-01 every one of those browsers would be from the future
 * and staleness would mean nothing. The tests use 2026-10-15 and print 2025-09-01 figures beside it.
 */
class UserAgentCorpusTest {
    static final Instant DATASET_DATE = Instant.parse("2026-10-15T12:00:00Z");
    static final Instant BRIEF_DATE = Instant.parse("2025-09-01T12:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Detector detector = TestData.shippedDetector();

    @Test
    void noRealBrowserProfileIsBotByUserAgent() throws IOException {
        JsonNode profiles = JSON.readTree(TestData.corpus("intoli-user-agents.json"));
        List<String> bots = new ArrayList<>();
        Map<Instant, Integer> suspect = new LinkedHashMap<>();
        int human = 0;
        for (JsonNode profile : profiles) {
            String ua = profile.get("userAgent").asText();
            String language = profile.path("language").asText("en-US");
            for (Instant at : List.of(DATASET_DATE, BRIEF_DATE)) {
                Classification c = detector.classify(TestData.click(TestData.browserHeaders(ua, language),
                        TestData.HOME, at));
                if (c.verdict() == Verdict.BOT && at == DATASET_DATE) {
                    bots.add(ua + " -> " + c.evidence());
                }
                if (c.verdict() == Verdict.SUSPECT) {
                    suspect.merge(at, 1, Integer::sum);
                }
                if (c.verdict() == Verdict.HUMAN && at == DATASET_DATE) {
                    human++;
                }
            }
        }
        System.out.printf("intoli: %d real browser profiles, %d BOT, %d SUSPECT (stale) on %s, %d HUMAN;"
                        + " %d SUSPECT on %s%n", profiles.size(), bots.size(), suspect.getOrDefault(DATASET_DATE, 0),
                DATASET_DATE, human, suspect.getOrDefault(BRIEF_DATE, 0), BRIEF_DATE);
        assertEquals(10_000, profiles.size());
        assertEquals(List.of(), bots);
    }

    @Test
    void crawlerUserAgentsInstancesAreBotOrSuspect() throws IOException {
        List<String> agents = new ArrayList<>();
        for (JsonNode entry : JSON.readTree(TestData.corpus("crawler-user-agents.json"))) {
            entry.path("instances").forEach(i -> agents.add(i.asText()));
        }
        assertHitRate("crawler-user-agents instances", agents);
    }

    @Test
    void isbotCrawlersAreBotOrSuspect() throws IOException {
        List<String> agents = new ArrayList<>();
        YAML.readTree(TestData.corpus("isbot-crawlers.yml"))
                .forEach(list -> list.forEach(ua -> agents.add(ua.asText())));
        assertHitRate("isbot crawlers", agents);
    }

    /**
     * isbot's browser fixtures include agents linkgate stops on purpose: Microsoft Office and Outlook fetching a
     * link themselves (the issue makes every Office agent BOT), an app's own HTTP stack (CFNetwork, Dalvik) that
     * fetches in the background instead of opening a browser, and isbot's own bins of misidentified or
     * insignificant bots ("ZZZ ..."). Any other BOT is a false positive.
     */
    @Test
    void isbotBrowsersAreBotOnlyWhereLinkgateMeansIt() throws IOException {
        JsonNode sections = YAML.readTree(TestData.corpus("isbot-browsers.yml"));
        int total = 0;
        int bot = 0;
        List<String> unexpected = new ArrayList<>();
        for (Map.Entry<String, JsonNode> section : sections.properties()) {
            for (JsonNode node : section.getValue()) {
                String ua = node.asText();
                total++;
                Evidence e = detector.classify(TestData.click(TestData.browserHeaders(ua, "en-US"), TestData.HOME,
                        DATASET_DATE)).evidence().stream().filter(x -> x.weight() == Weight.BOT).findFirst()
                        .orElse(null);
                if (e == null) {
                    continue;
                }
                bot++;
                boolean meant = e.reason().equals("ua_office") || e.detail().contains("cfnetwork/")
                        || e.detail().contains("dalvik/") || section.getKey().startsWith("ZZZ");
                System.out.printf("isbot browser BOT [%s] %s: %s%n", section.getKey(), e.detail(), ua);
                if (!meant) {
                    unexpected.add(section.getKey() + ": " + ua + " -> " + e.detail());
                }
            }
        }
        System.out.printf("isbot browsers: %d agents, %d BOT (Office, app HTTP stacks, isbot's own bot bins)%n",
                total, bot);
        assertEquals(List.of(), unexpected);
    }

    private void assertHitRate(String corpus, List<String> agents) {
        List<String> misses = new ArrayList<>();
        for (String ua : agents) {
            Verdict v = detector.classify(TestData.click(TestData.browserHeaders(ua, "en-US"), TestData.HOME,
                    DATASET_DATE)).verdict();
            if (v != Verdict.BOT && v != Verdict.SUSPECT) {
                misses.add(ua);
            }
        }
        double rate = 100.0 * (agents.size() - misses.size()) / agents.size();
        System.out.printf("%s: %d agents, %.2f%% BOT or SUSPECT, %d misses%n", corpus, agents.size(), rate,
                misses.size());
        misses.forEach(m -> System.out.println("  miss: " + m));
        assertTrue(agents.size() > 500, corpus + " looks truncated");
        assertTrue(rate >= 97.0, corpus + ": only " + rate + "% caught");
    }
}
