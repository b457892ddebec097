package dev.linkgate.gateway.link;

import dev.linkgate.core.session.BrowserCookies;
import dev.linkgate.gateway.http.Request;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The cookies a forwarded request carries: never linkgate's own browser cookie (it is linkgate's, not the
 * app's), and on a link's first click or a continue not the app's session cookies either, so that each link
 * starts a clean session in the app. Everything else passes byte for byte (the head writer takes the named
 * pairs out of the Cookie line and copies the rest).
 */
final class ForwardCookies {
    private ForwardCookies() {
    }

    /**
     * The names to take out of every forwarded request: linkgate's cookie when the request carries it
     * ({@code cookies} null: resume is off, nothing of linkgate's to remove). Empty for most requests.
     */
    static Set<String> own(Request request, BrowserCookies cookies) {
        if (cookies == null) {
            return Set.of();
        }
        List<String> found = request.head().cookiesNamed(cookies.nameList());
        return found.isEmpty() ? Set.of() : Set.copyOf(found);
    }

    /**
     * The names to take out of a first click or a continue: linkgate's cookie and the app's
     * {@code sessionCookies} that the request carries.
     *
     * @param removed receives the session cookie names that were there (for the metric and explain)
     */
    static Set<String> forNewSession(Request request, BrowserCookies cookies, List<String> sessionCookies,
                                     List<String> removed) {
        Set<String> own = own(request, cookies);
        removed.addAll(request.head().cookiesNamed(sessionCookies));
        if (removed.isEmpty()) {
            return own;
        }
        Set<String> names = new HashSet<>(own);
        names.addAll(removed);
        return names;
    }

    /**
     * The browser reached us over HTTPS: TLS on this connection, or {@code X-Forwarded-Proto: https} from a
     * proxy we trust (from anyone else that header proves nothing). Decides {@code Secure} and {@code __Host-}.
     */
    static boolean https(Request request) {
        if (request.secure()) {
            return true;
        }
        if (!request.peerTrusted()) {
            return false;
        }
        String proto = request.head().header("X-Forwarded-Proto");
        if (proto == null) {
            return false;
        }
        int comma = proto.indexOf(',');
        // The first value is the proxy nearest the browser.
        return (comma < 0 ? proto : proto.substring(0, comma)).strip().equalsIgnoreCase("https");
    }
}
