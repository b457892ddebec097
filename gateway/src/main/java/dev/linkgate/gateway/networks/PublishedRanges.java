package dev.linkgate.gateway.networks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.linkgate.core.detect.NetworkPrefix;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One cloud provider's published address ranges, read from its own document in its own format. Each reader
 * keeps what detonation sandboxes and cloud desktops run on and leaves the provider's CDN out (people's
 * requests reach sites through a CDN, they do not come from one as clients).
 *
 * @param vendor    the name written on every line of the list (as in networks.txt)
 * @param title     the section heading
 * @param source    where the provider publishes the document
 * @param version   the document's own date or change number
 * @param selection which part of the document was taken
 * @param keep      the ranges to list
 * @param cdn       ranges of the same document to carve out (its CDN), possibly overlapping {@code keep}
 */
record PublishedRanges(String vendor, String title, String source, String version, String selection,
                       List<NetworkPrefix> keep, List<NetworkPrefix> cdn) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern AZURE_FILE_DATE = Pattern.compile("ServiceTags_Public_(\\d{4})(\\d{2})(\\d{2})");

    enum Provider { AWS, AZURE, GOOGLE, ORACLE }

    static PublishedRanges read(Provider provider, String name, byte[] document) throws IOException {
        JsonNode root = JSON.readTree(document);
        if (root == null || !root.isObject()) {
            throw new IOException(name + ": not a JSON object");
        }
        return switch (provider) {
            case AWS -> aws(root, name);
            case AZURE -> azure(root, name);
            case GOOGLE -> google(root, name);
            case ORACLE -> oracle(root, name);
        };
    }

    /** ip-ranges.json: EC2 (instances, WorkSpaces and sandboxes run there); CloudFront is the CDN. */
    private static PublishedRanges aws(JsonNode root, String name) throws IOException {
        List<NetworkPrefix> keep = new ArrayList<>();
        List<NetworkPrefix> cdn = new ArrayList<>();
        for (String[] family : new String[][] {{"prefixes", "ip_prefix"}, {"ipv6_prefixes", "ipv6_prefix"}}) {
            for (JsonNode p : array(root, family[0], name)) {
                String service = p.path("service").asText();
                NetworkPrefix prefix = prefix(field(p, family[1], family[0], name), name);
                if (service.equals("EC2")) {
                    keep.add(prefix);
                } else if (service.startsWith("CLOUDFRONT")) {
                    cdn.add(prefix);
                }
            }
        }
        String date = required(root, "createDate", name);
        return new PublishedRanges("aws", "Amazon Web Services (EC2)", "https://ip-ranges.amazonaws.com/ip-ranges.json",
                "createDate " + date, "service EC2; CLOUDFRONT* carved out", keep, cdn);
    }

    /** Service tags, public cloud: the AzureCloud tag covers every Azure region; Front Door is the CDN. */
    private static PublishedRanges azure(JsonNode root, String name) throws IOException {
        List<NetworkPrefix> keep = new ArrayList<>();
        List<NetworkPrefix> cdn = new ArrayList<>();
        for (JsonNode tag : array(root, "values", name)) {
            String tagName = tag.path("name").asText();
            boolean frontDoor = tagName.startsWith("AzureFrontDoor");
            if (!tagName.equals("AzureCloud") && !frontDoor) {
                continue;
            }
            for (JsonNode p : tag.path("properties").path("addressPrefixes")) {
                (frontDoor ? cdn : keep).add(prefix(p.asText(), name));
            }
        }
        if (keep.isEmpty()) {
            throw new IOException(name + ": no AzureCloud service tag (is this ServiceTags_Public_*.json?)");
        }
        String version = "changeNumber " + required(root, "changeNumber", name);
        Matcher dated = AZURE_FILE_DATE.matcher(name);
        if (dated.find()) {
            version = dated.group(1) + "-" + dated.group(2) + "-" + dated.group(3) + ", " + version;
        }
        return new PublishedRanges("azure", "Microsoft Azure (public cloud service tags)",
                "https://www.microsoft.com/en-us/download/details.aspx?id=56519 (ServiceTags_Public_*.json)",
                version, "tag AzureCloud; AzureFrontDoor.* carved out", keep, cdn);
    }

    /** cloud.json: the ranges of Google Cloud customers (Google's own services are in goog.json). */
    private static PublishedRanges google(JsonNode root, String name) throws IOException {
        List<NetworkPrefix> keep = new ArrayList<>();
        for (JsonNode p : array(root, "prefixes", name)) {
            keep.add(prefix(field(p, p.has("ipv4Prefix") ? "ipv4Prefix" : "ipv6Prefix", "prefixes", name), name));
        }
        return new PublishedRanges("google-cloud", "Google Cloud", "https://www.gstatic.com/ipranges/cloud.json",
                "creationTime " + required(root, "creationTime", name), "every prefix", keep, List.of());
    }

    /** public_ip_ranges.json: every region's CIDRs (OCI, OSN, object storage). */
    private static PublishedRanges oracle(JsonNode root, String name) throws IOException {
        List<NetworkPrefix> keep = new ArrayList<>();
        for (JsonNode region : array(root, "regions", name)) {
            for (JsonNode c : region.path("cidrs")) {
                keep.add(prefix(field(c, "cidr", "cidrs", name), name));
            }
        }
        return new PublishedRanges("oracle-cloud", "Oracle Cloud Infrastructure",
                "https://docs.oracle.com/iaas/tools/public_ip_ranges.json",
                "last_updated_timestamp " + required(root, "last_updated_timestamp", name), "every region's CIDRs",
                keep, List.of());
    }

    /**
     * A plain list of ranges to carve out: one CIDR a line, or CSV whose first column is the CIDR (Apple's
     * egress-ip-ranges.csv); blank lines and # comments are skipped.
     */
    static List<NetworkPrefix> readList(String name, String text) throws IOException {
        List<NetworkPrefix> out = new ArrayList<>();
        String[] lines = text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int comma = line.indexOf(',');
            String cidr = (comma < 0 ? line : line.substring(0, comma)).strip();
            out.add(prefix(cidr, name + " line " + (i + 1)));
        }
        return out;
    }

    private static Iterable<JsonNode> array(JsonNode root, String field, String name) throws IOException {
        JsonNode a = root.path(field);
        if (!a.isArray()) {
            throw new IOException(name + ": no '" + field + "' array: not the document this option reads");
        }
        return a;
    }

    private static String field(JsonNode entry, String field, String array, String name) throws IOException {
        JsonNode v = entry.path(field);
        if (!v.isTextual()) {
            throw new IOException(name + ": no '" + field + "' in an entry of '" + array + "'");
        }
        return v.asText();
    }

    private static String required(JsonNode root, String field, String name) throws IOException {
        JsonNode v = root.path(field);
        if (v.isMissingNode() || v.isNull() || v.asText().isEmpty()) {
            throw new IOException(name + ": no '" + field + "'");
        }
        return v.asText();
    }

    /** A published prefix; host bits a provider left set are cleared rather than rejected. */
    static NetworkPrefix prefix(String text, String name) throws IOException {
        String t = text.strip().toLowerCase(Locale.ROOT);
        int slash = t.indexOf('/');
        try {
            NetworkPrefix host = NetworkPrefix.parse(slash < 0 ? t : t.substring(0, slash));
            int length = slash < 0 ? host.prefixLength() : Integer.parseInt(t.substring(slash + 1));
            byte[] a = host.address();
            if (length < 0 || length > a.length * 8) {
                throw new IllegalArgumentException("prefix length out of range in '" + text + "'");
            }
            for (int bit = length; bit < a.length * 8; bit++) {
                a[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
            }
            return new NetworkPrefix(a, length);
        } catch (IllegalArgumentException e) {
            throw new IOException(name + ": '" + text + "' is not a network: " + e.getMessage(), e);
        }
    }
}
