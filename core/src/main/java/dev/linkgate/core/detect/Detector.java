package dev.linkgate.core.detect;

import dev.linkgate.core.config.DetectionConfig;
import dev.linkgate.core.config.PolicyConfig;
import dev.linkgate.core.request.ClickRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Runs every request-local signal over a link request (method, user agent, stale browser, scanner network,
 * browser consistency). Fan-out needs the ledger's view of recent requesters, so the policy adds it later
 * with {@link #fanOut(int)}.
 */
public final class Detector implements RequestClassifier {
    /** Every reason code the detector can give: the bounded label set for metrics. */
    public static final Set<String> REASONS = Set.of(
            "method_head", "method_options", "method_other",
            "ua_missing", "ua_native_host", "ua_tool", "ua_crawler", "ua_previewer", "ua_headless", "ua_office",
            "ua_mail_security",
            "stale_browser", "scanner_network",
            "fetch_metadata_missing", "accept_language_missing", "accept_not_html", "browser_confirmed",
            "browser_unknown",
            "fan_out");
    /** The reason code of fan-out evidence. */
    public static final String FAN_OUT = "fan_out";

    private final UserAgentRules userAgents;
    private final ScannerNetworks networks;
    private final StaleBrowsers stale;

    public Detector(UserAgentRules userAgents, ScannerNetworks networks, StaleBrowsers stale) {
        this.userAgents = Objects.requireNonNull(userAgents, "userAgents");
        this.networks = Objects.requireNonNull(networks, "networks");
        this.stale = Objects.requireNonNull(stale, "stale");
    }

    /**
     * Builds a detector from the scanner lists.
     *
     * @param staleMajors more than this many majors behind is a stale browser (default
     *                    {@link StaleBrowsers#DEFAULT_STALE_MAJORS})
     * @throws ScannerListException naming file and line when a list has a line it cannot read
     * @throws IOException          when a list cannot be read
     */
    public static Detector load(Path userAgentsFile, Path networksFile, List<Path> extraNetworkFiles,
                                List<String> extraUserAgentPatterns, int staleMajors) throws IOException {
        return new Detector(UserAgentRules.load(userAgentsFile, extraUserAgentPatterns),
                ScannerNetworks.load(networksFile, extraNetworkFiles), new StaleBrowsers(staleMajors));
    }

    /**
     * Builds the detector the configuration describes.
     *
     * @throws ScannerListException naming the config key, file and line of a list that is missing or bad
     */
    public static Detector load(DetectionConfig detection, PolicyConfig policy) {
        return new Detector(DetectionLists.userAgents(detection), DetectionLists.networks(detection),
                new StaleBrowsers(policy.staleMajors()));
    }

    @Override
    public Classification classify(ClickRequest request) {
        List<Evidence> evidence = new ArrayList<>(4);
        add(evidence, LinkMethod.check(request.method()));
        Evidence agent = userAgents.check(request);
        add(evidence, agent);
        add(evidence, networks.check(request.client()));
        if (agent == null) {
            BrowserVersion browser = BrowserVersion.parse(request.userAgent());
            Evidence old = browser == null ? null : stale.check(browser, request.receivedAt());
            add(evidence, old);
            BrowserConsistency.check(request.headers(), browser, old != null, evidence);
        }
        return Classification.of(evidence);
    }

    /** Evidence for fan-out: the link was fetched from this many distinct networks within the window. */
    public static Evidence fanOut(int distinctNetworks) {
        return new Evidence(FAN_OUT, Weight.SUSPECT, FAN_OUT, distinctNetworks + " networks within the window");
    }

    private static void add(List<Evidence> evidence, Evidence e) {
        if (e != null) {
            evidence.add(e);
        }
    }
}
