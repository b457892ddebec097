package dev.linkgate.core.config;

/** Cookie names as RFC 6265 allows them (an HTTP token), checked where the configuration names one. */
public final class CookieNames {
    private static final String SEPARATORS = "()<>@,;:\\\"/[]?={} \t";

    private CookieNames() {
    }

    public static boolean isToken(String name) {
        if (name == null || name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= ' ' || c >= 0x7f || SEPARATORS.indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }
}
