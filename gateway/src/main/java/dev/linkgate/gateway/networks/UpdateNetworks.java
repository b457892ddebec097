package dev.linkgate.gateway.networks;

import dev.linkgate.core.detect.NetworkPrefix;
import dev.linkgate.gateway.networks.PublishedRanges.Provider;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * {@code scripts/update-networks}: regenerates config/scanners/cloud-networks.txt from the cloud providers'
 * published documents, each given as a file or an http(s) URL. The output depends only on the documents:
 * sections in a fixed order, prefixes aggregated (overlapping and adjacent ones merged) and sorted by
 * address, the documents' own dates in the headers, no generation time. Ranges of the {@code --exclude} lists
 * (CDNs and privacy relays where people browse: Cloudflare, Apple iCloud Private Relay) are carved out.
 */
public final class UpdateNetworks {
    static final String USAGE = "usage: update-networks --aws SRC --azure SRC --google SRC --oracle SRC"
            + " [--exclude SRC]... [--out FILE|-]   (SRC: a file or an http(s) URL)";
    static final Path DEFAULT_OUT = Path.of("config/scanners/cloud-networks.txt");

    private UpdateNetworks() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Map<Provider, String> sources = new EnumMap<>(Provider.class);
        List<String> excludes = new ArrayList<>();
        String target = DEFAULT_OUT.toString();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length) {
                err.println("update-networks: " + option + " needs a value\n" + USAGE);
                return 2;
            }
            String value = args[++i];
            switch (option) {
                case "--aws" -> sources.put(Provider.AWS, value);
                case "--azure" -> sources.put(Provider.AZURE, value);
                case "--google" -> sources.put(Provider.GOOGLE, value);
                case "--oracle" -> sources.put(Provider.ORACLE, value);
                case "--exclude" -> excludes.add(value);
                case "--out" -> target = value;
                default -> {
                    err.println("update-networks: unknown option " + option + "\n" + USAGE);
                    return 2;
                }
            }
        }
        if (sources.size() != Provider.values().length) {
            err.println("update-networks: every provider's document is needed (a partial list would drop the"
                    + " others)\n" + USAGE);
            return 2;
        }
        try {
            List<PublishedRanges> clouds = new ArrayList<>();
            for (Map.Entry<Provider, String> e : sources.entrySet()) {
                clouds.add(PublishedRanges.read(e.getKey(), e.getValue(), fetch(e.getValue())));
            }
            List<NamedList> carve = new ArrayList<>();
            for (String exclude : excludes) {
                carve.add(new NamedList(nameOf(exclude), PublishedRanges.readList(exclude,
                        new String(fetch(exclude), StandardCharsets.UTF_8))));
            }
            String text = CloudNetworkList.render(clouds, carve);
            if (target.equals("-")) {
                out.print(text);
            } else {
                Files.writeString(Path.of(target), text, StandardCharsets.UTF_8);
                err.println("update-networks: wrote " + target);
            }
            return 0;
        } catch (IOException e) {
            err.println("update-networks: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("update-networks: interrupted");
            return 1;
        }
    }

    /** A list of ranges to carve out, named by its file or URL's last segment (paths differ per machine). */
    record NamedList(String name, List<NetworkPrefix> prefixes) {
    }

    static String nameOf(String source) {
        String s = source.endsWith("/") ? source.substring(0, source.length() - 1) : source;
        return source.startsWith("http") ? source : s.substring(s.lastIndexOf('/') + 1);
    }

    private static byte[] fetch(String source) throws IOException, InterruptedException {
        if (!source.startsWith("http://") && !source.startsWith("https://")) {
            return Files.readAllBytes(Path.of(source));
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(source))
                .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException(source + " answered " + response.statusCode());
        }
        return response.body();
    }
}
