package dev.linkgate.core.detect;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The network signal: the client address lies in a mail-security vendor's published network
 * (config/scanners/networks.txt plus the operator's files). Longest-prefix lookup in a binary trie.
 */
public final class ScannerNetworks {
    public static final String SIGNAL = "network";

    /** One line of a network list. */
    public record Entry(String vendor, NetworkPrefix network, String text) {
    }

    private final List<Entry> entries;
    private final Evidence[] evidence;
    private final PrefixTrie ipv4 = new PrefixTrie();
    private final PrefixTrie ipv6 = new PrefixTrie();

    /** @param entries in order; for the same network written twice, the later entry wins */
    public ScannerNetworks(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        evidence = new Evidence[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            evidence[i] = new Evidence(SIGNAL, Weight.SUSPECT, "scanner_network", e.vendor() + " " + e.text());
            (e.network().isIpv4() ? ipv4 : ipv6).put(e.network().address(), e.network().prefixLength(), i);
        }
    }

    /** Reads the shipped list and the operator's extra lists. */
    public static ScannerNetworks load(Path file, List<Path> extraFiles) throws IOException {
        List<Entry> all = new ArrayList<>(read(file));
        for (Path extra : extraFiles) {
            all.addAll(read(extra));
        }
        return new ScannerNetworks(all);
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
