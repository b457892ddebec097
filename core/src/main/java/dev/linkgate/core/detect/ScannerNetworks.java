package dev.linkgate.core.detect;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The network signals: the client address lies in a mail-security vendor's published network
 * (config/scanners/networks.txt plus the operator's files: {@code scanner_network}) or in a large cloud's
 * published ranges (config/scanners/cloud-networks.txt: {@code cloud_network}), where detonation sandboxes
 * run. Both lists live in one binary trie per address family, each value tagged by its list, so a request
 * costs one longest-prefix walk whatever the number of lists.
 */
public final class ScannerNetworks {
    public static final String SIGNAL = "network";
    public static final String SCANNER_REASON = "scanner_network";
    public static final String CLOUD_REASON = "cloud_network";

    /** One line of a network list. */
    public record Entry(String vendor, NetworkPrefix network, String text) {
    }

    private final List<Entry> entries;
    private final Evidence[] evidence;
    private final PrefixTrie ipv4 = new PrefixTrie();
    private final PrefixTrie ipv6 = new PrefixTrie();

    /** @param entries in order; for the same network written twice, the later entry wins */
    public ScannerNetworks(List<Entry> entries) {
        this(entries, List.of());
    }

    /**
     * @param scanners mail-security networks, in order; for the same network written twice, the later wins
     * @param clouds   cloud networks; one that lies inside (or equals) a scanner network is left out, so the
     *                 vendor's own, narrower claim on an address is the one the lookup finds
     */
    public ScannerNetworks(List<Entry> scanners, List<Entry> clouds) {
        List<Entry> all = new ArrayList<>(scanners.size() + clouds.size());
        all.addAll(scanners);
        all.addAll(clouds);
        this.entries = List.copyOf(all);
        evidence = new Evidence[all.size()];
        for (int i = 0; i < all.size(); i++) {
            Entry e = all.get(i);
            boolean cloud = i >= scanners.size();
            PrefixTrie trie = e.network().isIpv4() ? ipv4 : ipv6;
            if (cloud && trie.longestMatch(e.network().address(), 0, e.network().prefixLength()) >= 0) {
                continue;
            }
            evidence[i] = new Evidence(SIGNAL, Weight.SUSPECT, cloud ? CLOUD_REASON : SCANNER_REASON,
                    e.vendor() + " " + e.text());
            trie.put(e.network().address(), e.network().prefixLength(), i);
        }
    }

    /** Reads the shipped list and the operator's extra lists. */
    public static ScannerNetworks load(Path file, List<Path> extraFiles) throws IOException {
        return load(file, extraFiles, null);
    }

    /** Reads the shipped list, the operator's extra lists and the cloud list (none when null). */
    public static ScannerNetworks load(Path file, List<Path> extraFiles, Path cloudFile) throws IOException {
        List<Entry> all = new ArrayList<>(read(file));
        for (Path extra : extraFiles) {
            all.addAll(read(extra));
        }
        return new ScannerNetworks(all, cloudFile == null ? List.of() : read(cloudFile));
    }

    private static List<Entry> read(Path file) throws IOException {
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
    }

    /** Parses lines of networks.txt syntax: {@code VENDOR CIDR  # note}. */
    public static List<Entry> parse(List<String> lines, String source) {
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int hash = line.indexOf('#');
            String content = (hash < 0 ? line : line.substring(0, hash)).strip();
            if (content.isEmpty()) {
                continue;
            }
            String[] words = content.split("\\s+");
            if (words.length != 2) {
                throw new ScannerListException(source, i + 1, "expected 'VENDOR CIDR' but found '" + content + "'");
            }
            if (!words[0].matches("[A-Za-z0-9._-]+")) {
                throw new ScannerListException(source, i + 1, "vendor name '" + words[0]
                        + "' may hold only letters, digits, '-', '_' and '.'");
            }
            try {
                out.add(new Entry(words[0], NetworkPrefix.parse(words[1]), words[1]));
            } catch (IllegalArgumentException e) {
                throw new ScannerListException(source, i + 1, e.getMessage());
            }
        }
        return out;
    }

    /** SUSPECT evidence naming the vendor when the client is in a scanner network, else null. */
    public Evidence check(InetAddress client) {
        int i = indexOf(client);
        return i < 0 ? null : evidence[i];
    }

    /** The vendor whose network holds the address, or null. */
    public String vendorOf(InetAddress client) {
        int i = indexOf(client);
        return i < 0 ? null : entries.get(i).vendor();
    }

    public int size() {
        return entries.size();
    }

    /** Networks of the cloud list that the lookup can find (those inside a scanner network are left out). */
    public int cloudSize() {
        int n = 0;
        for (Evidence e : evidence) {
            n += e != null && e.reason().equals(CLOUD_REASON) ? 1 : 0;
        }
        return n;
    }

    private int indexOf(InetAddress client) {
        byte[] a = client.getAddress();
        if (a.length == 4) {
            return ipv4.longestMatch(a, 0, 32);
        }
        if (NetworkPrefix.isIpv4Mapped(a)) {
            return ipv4.longestMatch(a, 12, 32);
        }
        return ipv6.longestMatch(a, 0, 128);
    }
}
