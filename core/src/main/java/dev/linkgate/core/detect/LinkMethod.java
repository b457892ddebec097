package dev.linkgate.core.detect;

/**
 * The method signal: a person's click on a link is a GET. HEAD and OPTIONS are link checkers and Office probing
 * the URL; anything else on a link path is no click at all.
 */
public final class LinkMethod {
    public static final String SIGNAL = "method";

    private static final Evidence HEAD = new Evidence(SIGNAL, Weight.BOT, "method_head", "HEAD request on a link");
    private static final Evidence OPTIONS =
            new Evidence(SIGNAL, Weight.BOT, "method_options", "OPTIONS request on a link");
    private static final Evidence OTHER =
            new Evidence(SIGNAL, Weight.BOT, "method_other", "a link is clicked with GET; this was another method");

    private LinkMethod() {
    }

    /** BOT evidence for anything but GET, else null. */
    public static Evidence check(String method) {
        if ("GET".equals(method)) {
            return null;
        }
        if ("HEAD".equals(method)) {
            return HEAD;
        }
        return "OPTIONS".equals(method) ? OPTIONS : OTHER;
    }
}
