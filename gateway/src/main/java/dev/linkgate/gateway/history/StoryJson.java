package dev.linkgate.gateway.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkgate.core.history.ClientKind;
import dev.linkgate.core.history.HistoryEvent;
import dev.linkgate.core.history.LinkStory;
import dev.linkgate.core.request.LinkId;

import java.util.Locale;

/** The JSON of {@code GET /links/{token}}: the link redacted to 4 characters, its first open and last events. */
final class StoryJson {
    static final ObjectMapper JSON = new ObjectMapper();

    private StoryJson() {
    }

    static String of(String token, LinkStory story) {
        ObjectNode root = JSON.createObjectNode();
        root.put("link", LinkId.redact(token));
        if (story.firstOpen() == null) {
            root.putNull("first_opened");
        } else {
            HistoryEvent f = story.firstOpen();
            ObjectNode first = root.putObject("first_opened");
            first.put("time", f.at().toString());
            first.put("client", ClientKind.of(f.verdict(), f.networkList()));
            userAgent(first, f);
            first.put("client_network", f.network());
            first.put("replica", f.replica());
        }
        ArrayNode events = root.putArray("events");
        for (HistoryEvent e : story.events()) {
            ObjectNode o = events.addObject();
            o.put("time", e.at().toString());
            o.put("route", e.route());
            o.put("method", e.method());
            o.put("decision", e.action().name().toLowerCase(Locale.ROOT));
            o.put("reason", e.reason());
            o.put("verdict", e.verdict().name());
            o.put("client", ClientKind.of(e.verdict(), e.networkList()));
            ArrayNode signals = o.putArray("signals");
            e.signals().forEach(signals::add);
            o.put("client_network", e.network());
            if (e.networkList() == null) {
                o.putNull("network_list");
            } else {
                o.put("network_list", e.networkList());
            }
            userAgent(o, e);
            o.put("replica", e.replica());
        }
        return root.toPrettyString() + "\n";
    }

    private static void userAgent(ObjectNode o, HistoryEvent e) {
        ObjectNode ua = o.putObject("user_agent");
        ua.put("family", e.client());
        if (e.major() > 0) {
            ua.put("major", e.major());
        } else {
            ua.putNull("major");
        }
    }
}
