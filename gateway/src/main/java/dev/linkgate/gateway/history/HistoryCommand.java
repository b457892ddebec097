package dev.linkgate.gateway.history;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Function;

/**
 * {@code linkgate history --admin http://127.0.0.1:9090 TOKEN_OR_URL}: asks a running linkgate's admin port
 * for a link's story and prints it as a timeline. A whole link (with ://) is sent as {@code /links?url=}, so
 * the gateway finds the token by its own link routes. With {@code admin.token} set, the token is read from
 * {@code LINKGATE_ADMIN_TOKEN}. Exit 0 with the timeline, 1 when the link has no history or the admin port
 * refused, 2 on bad usage.
 */
public final class HistoryCommand {
    static final String USAGE = "usage: linkgate history --admin http://127.0.0.1:9090 TOKEN_OR_URL"
            + "   (admin token, when configured, from LINKGATE_ADMIN_TOKEN)";

    private HistoryCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, System::getenv);
    }

    static int run(String[] args, PrintStream out, PrintStream err, Function<String, String> env) {
        if (args.length != 4 || !"--admin".equals(args[1])) {
            err.println(USAGE);
            return 2;
        }
        String admin = args[2].endsWith("/") ? args[2].substring(0, args[2].length() - 1) : args[2];
        String link = args[3];
        String path = link.contains("://") || link.startsWith("/")
                ? "/links?url=" + URLEncoder.encode(link, StandardCharsets.UTF_8)
                : "/links/" + link;
        URI uri;
        try {
            uri = URI.create(admin + path);
        } catch (IllegalArgumentException e) {
            err.println("linkgate history: not a usable admin URL or token: " + e.getMessage());
            return 2;
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET();
        String token = env.apply("LINKGATE_ADMIN_TOKEN");
        if (token != null && !token.isBlank()) {
            request.header("Authorization", "Bearer " + token.strip());
        }
        HttpResponse<String> response;
        try {
            response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            err.println("linkgate history: cannot reach " + admin + ": " + e);
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
        switch (response.statusCode()) {
            case 200 -> {
                try {
                    JsonNode story = StoryJson.JSON.readTree(response.body());
                    Timeline.lines(story).forEach(out::println);
                    return 0;
                } catch (IOException e) {
                    err.println("linkgate history: the admin port answered something that is not a link story");
                    return 1;
                }
            }
            case 401 -> err.println("linkgate history: the admin port needs its token: set LINKGATE_ADMIN_TOKEN");
            case 404 -> err.println("linkgate history: " + response.body().strip());
            default -> err.println("linkgate history: " + response.statusCode() + " " + response.body().strip());
        }
        return 1;
    }
}
