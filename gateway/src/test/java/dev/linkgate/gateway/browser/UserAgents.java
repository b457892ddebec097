package dev.linkgate.gateway.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * User agents for the browser tests. Headless Chromium calls itself HeadlessChrome, which linkgate rightly
 * treats as a bot, so every test browser says who it pretends to be.
 */
final class UserAgents {
    /** Chrome 125, as Defender Safe Links detonations send: far more than stale-majors behind. */
    static final String STALE_CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36"
            + " (KHTML, like Gecko) Chrome/125.0.0.0 Safari/537.36";

    private static final Pattern VERSION = Pattern.compile("Chromium (\\d+)\\.");
    private static String currentChrome;

    private UserAgents() {
    }

    /**
     * A person's current Chrome: the installed Chromium's own major version on its own platform, so the user
     * agent agrees with the Sec-CH-UA client hints the browser sends beside it.
     */
    static synchronized String currentChrome() {
        if (currentChrome == null) {
            currentChrome = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/"
                    + installedMajor() + ".0.0.0 Safari/537.36";
        }
        return currentChrome;
    }

    static int installedMajor() {
        Path binary = Chromium.binary();
        Chromium.driverBinary();
        try {
            Process p = new ProcessBuilder(binary.toString(), "--version")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(binary + " --version did not answer");
            }
            Matcher m = VERSION.matcher(out);
            if (!m.find()) {
                throw new AssertionError(binary + " --version printed no version: " + out.strip());
            }
            return Integer.parseInt(m.group(1));
        } catch (IOException e) {
            throw new AssertionError("cannot run " + binary + " --version: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
