package dev.linkgate.core.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class LinkMethodTest {

    @Test
    void getIsHowAPersonClicksAndSaysNothing() {
        assertNull(LinkMethod.check("GET"));
    }

    @Test
    void headRequestIsBot() {
        Evidence e = LinkMethod.check("HEAD");
        assertEquals(Weight.BOT, e.weight());
        assertEquals("method_head", e.reason());
        assertEquals("method", e.signal());
    }

    @Test
    void optionsRequestIsBot() {
        assertEquals("method_options", LinkMethod.check("OPTIONS").reason());
        assertEquals(Weight.BOT, LinkMethod.check("OPTIONS").weight());
    }

    @Test
    void anyOtherMethodOnALinkIsBot() {
        for (String method : new String[] {"POST", "PUT", "DELETE", "PROPFIND", "get"}) {
            Evidence e = LinkMethod.check(method);
            assertEquals(Weight.BOT, e.weight(), method);
            assertEquals("method_other", e.reason(), method);
        }
    }
}
