package dev.linkgate.gateway.networks;

/** The RFC 5952 text of an IPv6 address (lower case, longest zero run as ::), which the JDK does not write. */
final class Ipv6Text {
    private Ipv6Text() {
    }

    /** @param full eight colon-separated hex groups, as {@code Inet6Address.getHostAddress()} writes them */
    static String compress(String full) {
        String[] groups = full.split(":");
        int bestStart = -1;
        int bestLength = 1; // a single zero group is not shortened
        for (int i = 0; i < groups.length; ) {
            if (Integer.parseInt(groups[i], 16) != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < groups.length && Integer.parseInt(groups[j], 16) == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        if (bestStart < 0) {
            return join(groups, 0, groups.length);
        }
        return join(groups, 0, bestStart) + "::" + join(groups, bestStart + bestLength, groups.length);
    }

    private static String join(String[] groups, int from, int to) {
        StringBuilder out = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (i > from) {
                out.append(':');
            }
            out.append(Integer.toHexString(Integer.parseInt(groups[i], 16)));
        }
        return out.toString();
    }
}
