package dev.linkgate.gateway.page;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The page's words in each {@link PageLanguage}, from {@code messages_xx.properties} (UTF-8) beside this class.
 * Every language must define every key; a gap fails at start, never as a blank on the page.
 */
final class PageText {
    static final Set<String> KEYS = Set.of(
            "continue.heading", "continue.message", "continue.button", "continue.sending", "continue.why",
            "continue.reclick", "continue.other-session",
            "problem.confirm.heading", "problem.confirm.message",
            "problem.upstream.heading", "problem.upstream.message",
            "problem.bad.heading", "problem.bad.message");

    private static final Map<PageLanguage, Properties> TEXTS = load();

    private PageText() {
    }

    static String get(PageLanguage language, String key) {
        return TEXTS.get(language).getProperty(key);
    }

    private static Map<PageLanguage, Properties> load() {
        Map<PageLanguage, Properties> texts = new EnumMap<>(PageLanguage.class);
        for (PageLanguage language : PageLanguage.values()) {
            String name = "messages_" + language.code() + ".properties";
            Properties p = new Properties();
            try (InputStream in = PageText.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("missing page texts " + name);
                }
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (String key : KEYS) {
                if (p.getProperty(key, "").isBlank()) {
                    throw new IllegalStateException(name + " lacks " + key);
                }
            }
            texts.put(language, p);
        }
        return texts;
    }
}
