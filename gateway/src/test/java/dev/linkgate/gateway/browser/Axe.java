package dev.linkgate.gateway.browser;

import org.openqa.selenium.JavascriptExecutor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * axe-core, the accessibility engine, injected into the page under test. It comes from npm, pinned by
 * gateway/src/test/browser/package-lock.json.
 */
final class Axe {
    static final Path SCRIPT = Path.of("src", "test", "browser", "node_modules", "axe-core", "axe.min.js");
    static final String INSTALL = "npm ci --prefix gateway/src/test/browser";

    private static String source;

    private Axe() {
    }

    /** One rule's failure: its id, impact (minor, moderate, serious, critical), help text and where. */
    record Violation(String id, String impact, String help, List<String> targets) {
        boolean seriousOrWorse() {
            return "serious".equals(impact) || "critical".equals(impact);
        }

        @Override
        public String toString() {
            return impact + " " + id + " (" + help + ") at " + targets;
        }
    }

    /** Runs every axe rule on the current page. The page's CSP does not apply to WebDriver's scripts. */
    static List<Violation> run(JavascriptExecutor page) {
        page.executeScript(source());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> found = (List<Map<String, Object>>) page.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                axe.run(document).then(function (r) {
                  done(r.violations.map(function (v) {
                    return {id: v.id, impact: v.impact || '', help: v.help,
                            targets: v.nodes.map(function (n) { return n.target.join(' '); })};
                  }));
                }, function (e) { done([{id: 'axe-error', impact: 'critical', help: String(e), targets: []}]); });
                """);
        return found.stream().map(Axe::violation).toList();
    }

    @SuppressWarnings("unchecked")
    private static Violation violation(Map<String, Object> v) {
        return new Violation((String) v.get("id"), (String) v.get("impact"), (String) v.get("help"),
                (List<String>) v.get("targets"));
    }

    private static synchronized String source() {
        if (source == null) {
            if (!Files.isRegularFile(SCRIPT)) {
                throw new AssertionError("axe-core is missing (" + SCRIPT.toAbsolutePath() + "). Install it from the"
                        + " repository root with: " + INSTALL);
            }
            try {
                source = Files.readString(SCRIPT);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return source;
    }
}
