package dev.linkgate.gateway.history;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * A link's story (the JSON of {@code GET /links/...}) as lines a person reads on the phone with a signer:
 * {@code 10:01:03  scanner (microsoft-eop network, HEAD) -> Continue page}. Times in UTC, a date line whenever
 * the day changes.
 */
final class Timeline {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private Timeline() {
    }

    static List<String> lines(JsonNode story) {
        List<String> out = new ArrayList<>();
        out.add("link " + story.path("link").asText() + " (times in UTC)");
        JsonNode first = story.path("first_opened");
        if (first.isObject()) {
            Instant at = Instant.parse(first.path("time").asText());
            out.add("first opened " + DAY.format(at) + " " + TIME.format(at) + " by a " + first.path("client").asText()
                    + " (" + userAgent(first.path("user_agent")) + ", " + first.path("client_network").asText() + ")");
        } else {
            out.add("never opened (nobody got through to the app)");
        }
        LocalDate day = null;
        for (JsonNode e : story.path("events")) {
            Instant at = Instant.parse(e.path("time").asText());
            LocalDate d = at.atZone(ZoneOffset.UTC).toLocalDate();
            if (!d.equals(day)) {
                out.add(DAY.format(at));
                day = d;
            }
            out.add(TIME.format(at) + "  " + e.path("client").asText() + " (" + details(e) + ") -> " + outcome(e)
                    + "   [" + String.join(" ", texts(e.path("signals"))) + "; " + e.path("client_network").asText()
                    + "; " + e.path("replica").asText() + "]");
        }
        return out;
    }

    private static String details(JsonNode e) {
        List<String> parts = new ArrayList<>();
        if (!e.path("network_list").isNull() && !e.path("network_list").isMissingNode()) {
            parts.add(e.path("network_list").asText() + " network");
        }
        if (!"GET".equals(e.path("method").asText())) {
            parts.add(e.path("method").asText());
        }
        parts.add(userAgent(e.path("user_agent")));
        return String.join(", ", parts);
    }

    private static String userAgent(JsonNode ua) {
        String family = ua.path("family").asText();
        return ua.path("major").isNumber() ? family + " " + ua.path("major").asInt() : family;
    }

    private static String outcome(JsonNode e) {
        String reason = e.path("reason").asText();
        boolean continued = "continue".equals(e.path("route").asText());
        return switch (e.path("decision").asText()) {
            case "forward" -> switch (reason) {
                case "first_click" -> "forwarded (first click)";
                case "reclick_owner" -> "forwarded (the same browser again)";
                default -> continued ? "forwarded after Continue (" + reason + ")" : "forwarded (" + reason + ")";
            };
            case "coalesce" -> "copy of the first response (double click)";
            case "interstitial" -> "Continue page" + (reason.equals("bot") || reason.equals("suspect") ? ""
                    : " (" + reason + ")");
            case "reject" -> "rejected (" + reason + ")";
            case "pass" -> "passed through";
            default -> e.path("decision").asText() + " (" + reason + ")";
        };
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out.isEmpty() ? List.of("no signals") : out;
    }
}
