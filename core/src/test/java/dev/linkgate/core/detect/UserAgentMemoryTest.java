package dev.linkgate.core.detect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The agents UserAgentRules remembers give what a fresh pass over them gives, whatever the order and repeats. */
class UserAgentMemoryTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void rememberedResultsAreTheScannedOnesForRealAgentsInAnyOrder() throws IOException {
        UserAgentRules rules = UserAgentRules.load(TestData.userAgentsFile(), List.of());
        List<String> agents = new ArrayList<>();
        for (JsonNode entry : JSON.readTree(TestData.corpus("crawler-user-agents.json"))) {
            entry.path("instances").forEach(i -> agents.add(i.asText()));
        }
        JsonNode profiles = JSON.readTree(TestData.corpus("intoli-user-agents.json"));
        for (int i = 0; i < 3000; i++) {
            agents.add(profiles.get(i).path("userAgent").asText());
        }
        int bots = 0;
        Random random = new Random(20261202);
        for (int pass = 0; pass < 3; pass++) {
            Collections.shuffle(agents, random);
            for (String agent : agents) {
                Evidence scanned = rules.scan(agent);
                assertSame(scanned, rules.match(agent), agent);
                assertSame(scanned, rules.match(agent), agent); // from memory when it fits in it
                bots += scanned != null ? 1 : 0;
            }
        }
        assertTrue(agents.size() > 4000, "agents: " + agents.size());
        assertTrue(bots > 0 && bots < agents.size() * 3, "both kinds are in the mix: " + bots);
    }

    @Test
    void agentsWithTheSameHashAreToldApartAndLongOnesAreScannedEachTime() throws IOException {
        UserAgentRules rules = UserAgentRules.load(TestData.userAgentsFile(), List.of());
        // "Aa" and "BB" have the same String hash: same slot, different agents.
        String bot = "curl/8.5.0 Aa";
        String other = "curl/8.5.0 BB";
        assertEquals(bot.hashCode(), other.hashCode());
        String person = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/150.0.0.0 Safari/537.36";
        assertNotNull(rules.match(bot));
        assertNotNull(rules.match(other));
        assertNull(rules.match(person));
        assertNull(rules.match(person));
        assertNotNull(rules.match(bot));

        String longBot = "x".repeat(UserAgentRules.MAX_REMEMBERED) + " python-requests/2.31";
        assertNotNull(rules.match(longBot));
        assertSame(rules.scan(longBot), rules.match(longBot));
    }
}
