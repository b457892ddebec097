package dev.linkgate.gateway.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * A stand-in signing app for the demo that behaves like the real problem: every open of
 * {@code /sign/{token}} starts a new signing session (a cookie) and ends the older one, so whoever opened
 * the link before, a scanner or a double click, leaves the signer with "This link was opened in another
 * session". With {@code --one-time} its links work once, as many apps' do: a second open answers
 * {@code 410 link already used}. Like apps that keep whoever is signed in, an open that carries the live
 * session of another link continues that session: on a shared computer the second signer lands in the
 * first one's. Not part of the product: the demo script runs it from the same jar.
 *
 * <p>Usage: {@code java -cp linkgate.jar dev.linkgate.gateway.demo.MockSigningApp [port] [--one-time]}
 * (default 8081); {@code --browser-user-agent} prints a current Chrome's User-Agent for the demo's curl.
 */
public final class MockSigningApp {
    private static final String COOKIE = "mock_session";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** token -> the one live session of that link. */
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final PrintStream log;
    private final boolean oneTime;

    private MockSigningApp(PrintStream log, boolean oneTime) {
        this.log = log;
        this.oneTime = oneTime;
    }

    private record Session(int number, String id) {
    }

    public static void main(String[] args) throws IOException {
        java.util.List<String> a = java.util.List.of(args);
        if (a.contains("--browser-user-agent")) {
            System.out.println("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/"
                    + dev.linkgate.core.detect.ReleaseCalendar.CHROME.currentMajor(java.time.LocalDate.now().toEpochDay())
                    + ".0.0.0 Safari/537.36");
            return;
        }
        boolean oneTime = a.contains("--one-time");
        int port = a.isEmpty() || a.get(0).startsWith("--") ? 8081 : Integer.parseInt(a.get(0));
        HttpServer server = start(port, System.out, oneTime);
        System.out.println("[app] mock signing app on http://127.0.0.1:" + server.getAddress().getPort() + "/sign/{token}"
                + (oneTime ? " (one-time links)" : ""));
    }

    /** Starts the app on 127.0.0.1 (port 0: any free port); stop it with {@code server.stop(0)}. */
    static HttpServer start(int port, PrintStream log) throws IOException {
        return start(port, log, false);
    }

    static HttpServer start(int port, PrintStream log, boolean oneTime) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        server.createContext("/", new MockSigningApp(log, oneTime)::handle);
        server.setExecutor(Executors.newFixedThreadPool(4, work -> {
            Thread t = new Thread(work, "mock-signing-app");
            t.setDaemon(true);
            return t;
        }));
        server.start();
        return server;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getRawPath();
            String[] parts = path.split("/");
            if (parts.length == 3 && parts[1].equals("sign") && !parts[2].isEmpty()) {
                open(exchange, parts[2]);
            } else if (parts.length == 3 && parts[1].equals("document") && !parts[2].isEmpty()) {
                document(exchange, parts[2]);
            } else {
                send(exchange, 404, page("Not found", "<p>Try <a href=\"/sign/demo-token-1\">/sign/demo-token-1</a>.</p>"));
            }
        }
    }

    /** Opening the email link: a new session replaces the old one, as many signing apps do. */
    private void open(HttpExchange exchange, String token) throws IOException {
        String signedIn = otherLinksSession(exchange, token);
        if (signedIn != null) {
            // Whoever is signed in stays signed in: the new link's signer sees the other signer's document.
            sessions.putIfAbsent(token, new Session(1, newId()));
            log(exchange, "/sign/" + token + " -> continued the session of link " + signedIn + " (another signer's!)");
            send(exchange, 200, page("Sign the document", "<p><strong>Signed in as the signer of " + escape(signedIn)
                    + "</strong></p>" + documentBody(signedIn, sessions.get(signedIn))));
            return;
        }
        boolean[] used = {false};
        // One atomic step: two opens racing (a double click) must not both find the link unused.
        Session session = sessions.compute(token, (t, old) -> {
            used[0] = oneTime && old != null;
            return used[0] ? old : new Session(old == null ? 1 : old.number() + 1, newId());
        });
        if (used[0]) {
            log(exchange, "/sign/" + token + " -> 410 link already used");
            send(exchange, 410, page("Link already used", "<h1>410 link already used</h1><p>This signing link has"
                    + " already been opened. Please ask the sender for a new link.</p>"));
            return;
        }
        log(exchange, "/sign/" + token + " -> new session #" + session.number()
                + (session.number() > 1 ? " (session #" + (session.number() - 1) + " ended)" : ""));
        exchange.getResponseHeaders().add("Set-Cookie", COOKIE + "=" + token + "." + session.id()
                + "; Path=/; HttpOnly; SameSite=Lax");
        send(exchange, 200, documentPage(token, session));
    }

    /** The signing page after the link: works only with the link's current session. */
    private void document(HttpExchange exchange, String token) throws IOException {
        Session current = sessions.get(token);
        String presented = cookie(exchange, token);
        if (current == null || presented == null) {
            log(exchange, "/document/" + token + " -> no session");
            send(exchange, 403, page("No session", "<p>Open the link from your email first.</p>"));
        } else if (!presented.equals(current.id())) {
            log(exchange, "/document/" + token + " -> old session: opened in another session");
            send(exchange, 409, page("Opened in another session",
                    "<h1>This link was opened in another session</h1><p>Your signing session has ended because the"
                            + " link was opened again (session #" + current.number() + " is now the live one)."
                            + " Please ask the sender for a new link.</p>"));
        } else {
            log(exchange, "/document/" + token + " -> session #" + current.number() + " ok");
            send(exchange, 200, documentPage(token, current));
        }
    }

    private static String documentPage(String token, Session session) {
        return page("Sign the document", documentBody(token, session));
    }

    private static String documentBody(String token, Session session) {
        String t = escape(token);
        return "<h1>Employment contract — please sign</h1>"
                + "<p>Signing session <strong>#" + session.number() + "</strong> for link <code>" + t + "</code>.</p>"
                + "<p>Lorem ipsum dolor sit amet: the parties agree to the terms above.</p>"
                + "<p><a href=\"/document/" + t + "\">Go to the signature field (checks your session)</a></p>";
    }

    /** The link whose live session the request's cookie holds, when it is another link than {@code token}. */
    private String otherLinksSession(HttpExchange exchange, String token) {
        for (String header : exchange.getRequestHeaders().getOrDefault("Cookie", java.util.List.of())) {
            for (String pair : header.split(";")) {
                String p = pair.trim();
                int dot = p.lastIndexOf('.');
                if (p.startsWith(COOKIE + "=") && dot > COOKIE.length() + 1) {
                    String other = p.substring(COOKIE.length() + 1, dot);
                    Session live = sessions.get(other);
                    if (!other.equals(token) && live != null && live.id().equals(p.substring(dot + 1))) {
                        return other;
                    }
                }
            }
        }
        return null;
    }

    private static String cookie(HttpExchange exchange, String token) {
        for (String header : exchange.getRequestHeaders().getOrDefault("Cookie", java.util.List.of())) {
            for (String pair : header.split(";")) {
                String p = pair.trim();
                if (p.startsWith(COOKIE + "=" + token + ".")) {
                    return p.substring(COOKIE.length() + token.length() + 2);
                }
            }
        }
        return null;
    }

    private void log(HttpExchange exchange, String what) {
        String ua = exchange.getRequestHeaders().getFirst("User-Agent");
        log.println("[app] " + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " "
                + exchange.getRequestMethod() + " " + what + "  (" + (ua == null ? "no User-Agent" : ua) + ")");
    }

    private static void send(HttpExchange exchange, int status, String html) throws IOException {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title></head><body style=\"font-family:system-ui;max-width:40rem;margin:2rem auto\">"
                + body + "</body></html>";
    }

    private static String newId() {
        byte[] b = new byte[12];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
