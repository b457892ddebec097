package dev.linkgate.core.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.linkgate.core.config.DetectionConfig;
import dev.linkgate.core.config.ListSource;
import dev.linkgate.core.config.PolicyConfig;
import dev.linkgate.core.request.ClickRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scanner lists ship inside the jar; a configured file replaces one, extras add, problems name their key. */
class DetectionListsTest {
    private static final String MAIL_GATEWAY = "40.92.0.1";
    private static final PolicyConfig POLICY = PolicyConfig.defaults();

    @TempDir
    Path dir;

    @Test
    void everyFileUnderConfigScannersIsBuiltIn() throws IOException {
        List<Path> files;
        try (Stream<Path> listed = Files.list(TestData.projectDir().resolve("config/scanners"))) {
            files = listed.filter(Files::isRegularFile).sorted().toList();
        }
        assertTrue(files.size() >= 2, "user-agents.txt and networks.txt at least: " + files);
        for (Path file : files) {
            String name = file.getFileName().toString();
            assertEquals(Files.readAllLines(file, StandardCharsets.UTF_8), ListSource.builtIn(name).readLines(),
                    name + " is in the jar as written in config/scanners/");
        }
    }

    @Test
    void theDefaultsAreTheBuiltInListsFromAnyWorkingDirectory() {
        Detector builtIn = Detector.load(DetectionConfig.defaults(), POLICY);
        Detector fromFiles = TestData.shippedDetector();

        for (String agent : List.of("curl/8.5.0", "Googlebot/2.1 (+http://www.google.com/bot.html)",
                TestData.CHROME_131)) {
            ClickRequest click = TestData.browserClick(agent, TestData.NOV_2024);
            assertEquals(fromFiles.classify(click).reasons(), builtIn.classify(click).reasons(), agent);
        }
        assertEquals(Verdict.BOT, builtIn.classify(TestData.browserClick("curl/8.5.0", TestData.NOV_2024))
                .verdict());
        assertTrue(builtIn.classify(fromMailGateway()).reasons().contains("scanner_network"));
    }

    @Test
    void aConfiguredFileReplacesTheBuiltInList() throws IOException {
        Path mine = Files.writeString(dir.resolve("networks.txt"), "our-sandbox 198.51.100.0/24\n");
        Detector d = Detector.load(new DetectionConfig(ListSource.builtIn("user-agents.txt"), ListSource.file(mine),
                List.of(), List.of()), POLICY);

        assertFalse(d.classify(fromMailGateway()).reasons().contains("scanner_network"),
                "the built-in list is replaced");
        assertTrue(d.classify(TestData.click(TestData.browserHeaders(TestData.CHROME_131, "en"),
                TestData.address("198.51.100.9"), TestData.NOV_2024)).reasons().contains("scanner_network"));
    }

    @Test
    void extrasAddToTheBuiltInLists() throws IOException {
        Path extra = Files.writeString(dir.resolve("extra.txt"), "our-sandbox 198.51.100.0/24\n");
        Detector d = Detector.load(new DetectionConfig(ListSource.builtIn("user-agents.txt"),
                ListSource.builtIn("networks.txt"), List.of(extra), List.of("mail_security acme-link-checker")), POLICY);

        assertTrue(d.classify(fromMailGateway()).reasons().contains("scanner_network"), "built-in kept");
        assertEquals(Verdict.SUSPECT, d.classify(TestData.click(TestData.browserHeaders(TestData.CHROME_131, "en"),
                TestData.address("198.51.100.9"), TestData.NOV_2024)).verdict());
        assertEquals(List.of("ua_mail_security"), d.classify(TestData.browserClick("Acme-Link-Checker/2",
                TestData.NOV_2024)).reasons());
    }

    @Test
    void aMissingFileIsReportedAtTheKeyNamingIt() {
        Path missing = dir.resolve("nope.txt");
        ScannerListException e = assertThrows(ScannerListException.class, () -> Detector.load(
                new DetectionConfig(ListSource.builtIn("user-agents.txt"), ListSource.file(missing), List.of(),
                        List.of()), POLICY));
        assertEquals("detection.networks", e.key());
        assertTrue(e.getMessage().startsWith("config error at detection.networks: " + missing + ": no such file"),
                e.getMessage());

        ScannerListException extra = assertThrows(ScannerListException.class, () -> Detector.load(
                new DetectionConfig(ListSource.builtIn("user-agents.txt"), ListSource.builtIn("networks.txt"),
                        List.of(TestData.networksFile(), missing), List.of()), POLICY));
        assertTrue(extra.getMessage().startsWith("config error at detection.extra-networks[1]: " + missing),
                extra.getMessage());
    }

    @Test
    void aBadLineIsReportedAtTheKeyWithFileAndLine() throws IOException {
        Path agents = Files.writeString(dir.resolve("agents.txt"), "# mine\ntool  curl/\nrobot  x\n");
        ScannerListException e = assertThrows(ScannerListException.class, () -> Detector.load(
                new DetectionConfig(ListSource.file(agents), ListSource.builtIn("networks.txt"), List.of(),
                        List.of()), POLICY));
        assertEquals("config error at detection.user-agents: " + agents + ":3: ", e.getMessage().substring(0,
                ("config error at detection.user-agents: " + agents + ":3: ").length()));
        assertEquals(3, e.line());

        ScannerListException inline = assertThrows(ScannerListException.class, () -> Detector.load(
                new DetectionConfig(ListSource.builtIn("user-agents.txt"), ListSource.builtIn("networks.txt"),
                        List.of(), List.of("crawler ok", "nonsense")), POLICY));
        assertEquals("config error at detection.extra-user-agents[1]: expected 'CATEGORY PATTERN' but found"
                + " 'nonsense'", inline.getMessage());
        assertNull(inline.source());
    }

    private static ClickRequest fromMailGateway() {
        return TestData.click(TestData.browserHeaders(TestData.CHROME_131, "en"), TestData.address(MAIL_GATEWAY),
                TestData.NOV_2024);
    }
}
