package dev.linkgate.gateway.page;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.EnumMap;
import java.util.Map;

/**
 * "This link was first opened on …; continuing here ends the other session." The time is rendered in UTC
 * in the page's language inside a {@code <time datetime>} element; the page's script re-renders it in the
 * reader's own time zone.
 */
final class ReclickNotice {
    private static final Map<PageLanguage, DateTimeFormatter> UTC_TEXT = new EnumMap<>(PageLanguage.class);

    static {
        for (PageLanguage language : PageLanguage.values()) {
            UTC_TEXT.put(language, DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                    .withLocale(language.locale()).withZone(ZoneOffset.UTC));
        }
    }

    private ReclickNotice() {
    }

    static String markup(PageLanguage language, Instant firstOpened) {
        String sentence = PageText.get(language, "continue.reclick");
        int at = sentence.indexOf("{time}");
        String time = "<time class=\"linkgate-first-opened\" datetime=\"" + HtmlText.escape(iso(firstOpened)) + "\">"
                + HtmlText.escape(utcText(language, firstOpened)) + "</time>";
        return "<p class=\"linkgate-notice\">" + HtmlText.escape(sentence.substring(0, at)) + time
                + HtmlText.escape(sentence.substring(at + "{time}".length())) + "</p>";
    }

    static String iso(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    static String utcText(PageLanguage language, Instant instant) {
        return UTC_TEXT.get(language).format(instant) + " UTC";
    }
}
