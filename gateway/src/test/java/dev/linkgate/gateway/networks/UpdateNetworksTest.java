package dev.linkgate.gateway.networks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** scripts/update-networks on small excerpts of each provider's document, in the provider's own format. */
class UpdateNetworksTest {

    @Test
    void eachProviderIsAggregatedSortedAndDated() {
        String list = run(0, all("--exclude", fixture("relay-sample.csv")));

        assertTrue(list.contains("# Source: https://ip-ranges.amazonaws.com/ip-ranges.json, createDate 2025-07-24-20-23-14"),
                list);
        assertTrue(list.contains("(ServiceTags_Public_*.json), 2025-07-21, changeNumber 363"), list);
        assertTrue(list.contains("creationTime 2025-07-24T19:16:28.780563"), list);
        assertTrue(list.contains("last_updated_timestamp 2025-07-21T07:13:25.457838"), list);
        // EC2 only (not AMAZON, not CLOUDFRONT); 3.80/13 + 3.84/14 + 3.88/13 merge to 3.80/12, then the relay's
        // 3.88/16 and CloudFront's 3.96.0/24 are carved out.
        assertEquals(List.of("3.5.140.0/22", "3.80.0.0/13", "3.89.0.0/16", "3.90.0.0/15", "3.92.0.0/14",
                "3.96.1.0/24", "3.96.2.0/23", "35.180.0.0/16", "51.85.0.0/16",
                "2600:1f69:7400::/40", "2600:9000:5206::/48"), vendor(list, "aws"));
        // AzureCloud only (Storage is a subset tag), 20.72/16 + 20.73/16 merged, Front Door's /24 carved out.
        assertEquals(List.of("13.107.65.0/24", "13.107.66.0/23", "13.107.68.0/22", "13.107.72.0/21",
                "13.107.80.0/20", "13.107.96.0/19", "20.72.0.0/15",
                "2603:1000:1::/48", "2603:1000:2::/47", "2603:1000:4::/46", "2603:1000:8::/45", "2603:1000:10::/44",
                "2603:1000:20::/43", "2603:1000:40::/42", "2603:1000:80::/41"), vendor(list, "azure"));
        assertEquals(List.of("34.1.208.0/20", "34.35.0.0/16", "34.152.86.0/23", "2600:1900:8000::/44"),
                vendor(list, "google-cloud"));
        assertEquals(3, vendor(list, "oracle-cloud").size());
        assertFalse(list.contains("3.4.12.4"), "AMAZON's non-EC2 ranges stay out");
    }

    @Test
    void theOutputDependsOnlyOnTheDocuments() {
        String once = run(0, all("--exclude", fixture("relay-sample.csv")));
        String[] reordered = {"--oracle", fixture("oracle-cloud.json"), "--exclude", fixture("relay-sample.csv"),
                "--google", fixture("google-cloud.json"), "--azure", fixture("ServiceTags_Public_20250721.json"),
                "--aws", fixture("aws-ip-ranges.json"), "--out", "-"};
        assertEquals(once, run(0, reordered));
    }

    @Test
    void theListLoadsAsANetworkList(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("cloud-networks.txt");
        String[] args = all();
        args[args.length - 1] = out.toString();
        run(0, args);
        List<dev.linkgate.core.detect.ScannerNetworks.Entry> entries = dev.linkgate.core.detect.ScannerNetworks.parse(
                Files.readAllLines(out), out.toString());
        assertEquals(8 + 8 + 4 + 3, entries.size(), "every line parses with the networks.txt syntax");
    }

    @Test
    void everyProviderIsRequired() {
        String err = runErr(2, "--aws", fixture("aws-ip-ranges.json"), "--out", "-");
        assertTrue(err.contains("every provider's document is needed"), err);
    }

    @Test
    void aDocumentOfTheWrongProviderIsNamed() {
        String[] args = all();
        args[1] = fixture("google-cloud.json"); // given as --aws
        String err = runErr(1, args);
        assertTrue(err.contains("google-cloud.json: no 'ip_prefix' in an entry of 'prefixes'"), err);
    }

    @Test
    void aBadLineOfAnExcludeListIsNamed(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.txt");
        Files.writeString(bad, "1.2.3.0/24\nnot-a-network\n");
        String err = runErr(1, all("--exclude", bad.toString()));
        assertTrue(err.contains("bad.txt line 2"), err);
    }

    private static String[] all(String... more) {
        List<String> args = new ArrayList<>(List.of("--aws", fixture("aws-ip-ranges.json"),
                "--azure", fixture("ServiceTags_Public_20250721.json"), "--google", fixture("google-cloud.json"),
                "--oracle", fixture("oracle-cloud.json")));
        args.addAll(Arrays.asList(more));
        args.add("--out");
        args.add("-");
        return args.toArray(String[]::new);
    }

    private static List<String> vendor(String list, String vendor) {
        return list.lines().filter(l -> l.startsWith(vendor + " ")).map(l -> l.substring(vendor.length()).strip())
                .toList();
    }

    private static String run(int expected, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = UpdateNetworks.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(expected, code, err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String runErr(int expected, String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = UpdateNetworks.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(expected, code);
        return err.toString(StandardCharsets.UTF_8);
    }

    static String fixture(String name) {
        URL url = UpdateNetworksTest.class.getResource("/networks/" + name);
        try {
            return Path.of(url.toURI()).toString();
        } catch (URISyntaxException | NullPointerException e) {
            throw new AssertionError("test resource networks/" + name + " is missing", e);
        }
    }
}
