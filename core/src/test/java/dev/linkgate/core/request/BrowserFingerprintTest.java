package dev.linkgate.core.request;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class BrowserFingerprintTest {
    private static final String CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36";

    /** The encoding written out field by field: replicas of different versions must agree on fingerprints. */
    private static long reference(long network, String ua, String lang) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (int i = 7; i >= 0; i--) {
            sha.update((byte) (network >>> (8 * i)));
        }
        for (String s : new String[] {ua, lang}) {
            if (s == null) {
                sha.update((byte) 0);
            } else {
                byte[] b = s.getBytes(StandardCharsets.UTF_8);
                sha.update((byte) 1);
                sha.update((byte) (b.length >>> 8));
                sha.update((byte) b.length);
                sha.update(b);
            }
        }
        byte[] d = sha.digest();
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (d[i] & 0xff);
        }
        return v;
    }

    @Test
    void theFingerprintIsSha256OfNetworkUserAgentAndLanguageInOneEncoding() throws Exception {
        long net = ClientNetwork.idOf(InetAddress.getByName("203.0.113.7"));
        for (String[] c : new String[][] {{CHROME, "en-GB,en;q=0.9"}, {null, "de"}, {CHROME, null}, {null, null},
                {"", ""}, {"ünïcødé", "fr"}}) {
            assertEquals(reference(net, c[0], c[1]), BrowserFingerprint.of(net, c[0], c[1]));
        }
    }

    @Test
    void anotherNetworkLanguageOrBrowserIsAnotherFingerprint() throws Exception {
        long net = ClientNetwork.idOf(InetAddress.getByName("203.0.113.7"));
        long same24 = ClientNetwork.idOf(InetAddress.getByName("203.0.113.200"));
        long other = ClientNetwork.idOf(InetAddress.getByName("198.51.100.7"));
        long base = BrowserFingerprint.of(net, CHROME, "en");
        assertEquals(base, BrowserFingerprint.of(same24, CHROME, "en"), "one /24 is one network");
        assertNotEquals(base, BrowserFingerprint.of(other, CHROME, "en"));
        assertNotEquals(base, BrowserFingerprint.of(net, CHROME, "de"));
        assertNotEquals(base, BrowserFingerprint.of(net, CHROME + " Edg/156.0", "en"));
        assertNotEquals(BrowserFingerprint.of(net, null, "en"), BrowserFingerprint.of(net, "", "en"),
                "an absent header differs from an empty one");
    }
}
