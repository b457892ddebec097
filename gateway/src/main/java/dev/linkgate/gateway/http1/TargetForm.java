package dev.linkgate.gateway.http1;

/**
 * Where a request target's origin form starts, and its authority when in absolute form. Origin form
 * ({@code /path?q}) is what linkgate routes on; absolute form ({@code http://host/path}, RFC 9112 3.2.2) is
 * reduced to it so that no link path slips past the gate; {@code *} is for OPTIONS only; the authority form
 * (CONNECT) and anything else is refused, as RequestTargetHandler does today.
 *
 * @param authorityStart -1 unless absolute form
 */
record TargetForm(int originStart, int authorityStart, int authorityEnd) {
    private static final byte[] HTTP = {'h', 't', 't', 'p', ':', '/', '/'};
    private static final byte[] HTTPS = {'h', 't', 't', 'p', 's', ':', '/', '/'};

    static TargetForm of(byte[] b, int start, int end, boolean options) throws RequestRejected {
        if (b[start] == '/') {
            return new TargetForm(start, -1, -1);
        }
        if (options && end - start == 1 && b[start] == '*') {
            return new TargetForm(start, -1, -1);
        }
        int authorityStart;
        if (startsWithIgnoreCase(b, start, end, HTTP)) {
            authorityStart = start + HTTP.length;
        } else if (startsWithIgnoreCase(b, start, end, HTTPS)) {
            authorityStart = start + HTTPS.length;
        } else {
            throw RequestRejected.badRequest("request target in no form linkgate serves");
        }
        int authorityEnd = authorityStart;
        while (authorityEnd < end && b[authorityEnd] != '/' && b[authorityEnd] != '?' && b[authorityEnd] != '#') {
            authorityEnd++;
        }
        // User info (user@host) has no place in an http(s) request (RFC 9110 4.2.4); '@' is not an authority byte.
        HeadFacts.requireAuthority(b, authorityStart, authorityEnd, "target authority");
        return new TargetForm(authorityEnd, authorityStart, authorityEnd);
    }

    private static boolean startsWithIgnoreCase(byte[] b, int start, int end, byte[] lower) {
        return end - start >= lower.length && HttpBytes.equalsIgnoreCase(b, start, start + lower.length, lower);
    }
}
