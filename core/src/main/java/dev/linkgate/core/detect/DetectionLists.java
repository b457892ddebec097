package dev.linkgate.core.detect;

import dev.linkgate.core.config.DetectionConfig;
import dev.linkgate.core.config.ListSource;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the scanner lists a configuration names. A list that is missing, unreadable or has a bad line is
 * reported at the config key that names it ({@code detection.networks}, {@code detection.extra-networks[1]}),
 * so check-config, serve and a reload all say which setting to fix.
 */
final class DetectionLists {
    private DetectionLists() {
    }

    static UserAgentRules userAgents(DetectionConfig detection) {
        List<UserAgentPattern> patterns = new ArrayList<>(read("detection.user-agents", detection.userAgents(),
                UserAgentRules::parse));
        List<String> extra = detection.extraUserAgents();
        for (int i = 0; i < extra.size(); i++) {
            try {
                patterns.addAll(UserAgentRules.parse(List.of(extra.get(i)), "pattern"));
            } catch (ScannerListException e) {
                throw e.inlineAt("detection.extra-user-agents[" + i + "]");
            }
        }
        return new UserAgentRules(patterns);
    }

    static ScannerNetworks networks(DetectionConfig detection) {
        List<ScannerNetworks.Entry> entries = new ArrayList<>(read("detection.networks", detection.networks(),
                ScannerNetworks::parse));
        List<Path> extra = detection.extraNetworks();
        for (int i = 0; i < extra.size(); i++) {
            entries.addAll(read("detection.extra-networks[" + i + "]", ListSource.file(extra.get(i)),
                    ScannerNetworks::parse));
        }
        return new ScannerNetworks(entries);
    }

    /** Parses list lines; a ScannerListException names the source and line. */
    @FunctionalInterface
    interface Parser<T> {
        List<T> parse(List<String> lines, String source);
    }

    static <T> List<T> read(String key, ListSource source, Parser<T> parser) {
        List<String> lines;
        try {
            lines = source.readLines();
        } catch (NoSuchFileException e) {
            throw new ScannerListException(source.toString(), 0, "no such file (a relative path resolves against"
                    + " the working directory, " + Path.of("").toAbsolutePath() + ")").atKey(key);
        } catch (CharacterCodingException e) {
            throw new ScannerListException(source.toString(), 0, "not UTF-8 text").atKey(key);
        } catch (IOException e) {
            throw new ScannerListException(source.toString(), 0, "cannot read it: " + e).atKey(key);
        }
        try {
            return parser.parse(lines, source.toString());
        } catch (ScannerListException e) {
            throw e.atKey(key);
        }
    }
}
