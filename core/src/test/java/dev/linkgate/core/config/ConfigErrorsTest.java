package dev.linkgate.core.config;

import static dev.linkgate.core.config.ConfigFixtures.MINIMAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every kind of mistake gives one line naming the key, its line and column, and what is wrong. */
class ConfigErrorsTest {

    @Test
    void aValueThatIsNotADurationIsReportedAtTheValue() {
        assertError("config error at policy.double-click-window (line 7, column 24): \"2x\" is not a duration"
                + " (e.g. 500ms, 2s)", MINIMAL + """
                policy:
                  mode: balanced
                  double-click-window: 2x
                """);
    }

    @Test
    void aMisspeltKeySuggestsTheClosestKnownKey() {
        assertError("config error at policy.double-clik-window (line 6, column 3): unknown key; did you mean"
                + " \"double-click-window\"?", MINIMAL + """
                policy:
                  double-clik-window: 2s
                """);
    }

    @Test
    void aCamelCaseKeySuggestsItsKebabCaseSpelling() {
        ConfigException e = error(MINIMAL + "policy:\n  linkTtl: 2h\n");
        assertEquals("unknown key; did you mean \"link-ttl\"?", e.detail());
    }

    @Test
    void anUnknownKeyWithNothingCloseListsTheKnownKeys() {
        assertError("config error at listen.bogus (line 6, column 3): unknown key; known keys here are host, port,"
                + " tls, http2, h2c, redirect-http-port",
                MINIMAL + "listen:\n  bogus: 1\n");
    }

    @Test
    void aMisspeltSectionIsReportedAsUnknownRatherThanTheRealOneAsMissing() {
        assertError("config error at upstrem (line 1, column 1): unknown key; did you mean \"upstream\"?", """
                upstrem:
                  url: http://127.0.0.1:8081
                links:
                  - path: /sign/{token}
                """);
    }

    @Test
    void aMissingRequiredKeyIsReportedAtItsSection() {
        assertError("config error at upstream.url (line 1, column 1): missing required key", """
                upstream:
                  connect-timeout: 2s
                links:
                  - path: /sign/{token}
                """);
    }

    @Test
    void linksAreRequiredAndMustNotBeEmpty() {
        assertError("config error at links (line 1, column 1): missing required key",
                "upstream:\n  url: http://127.0.0.1:8081\n");
        assertError("config error at links (line 3, column 1): must list at least one link, e.g."
                + " - path: \"/sign/{token}\"", "upstream:\n  url: http://127.0.0.1:8081\nlinks: []\n");
    }

    @Test
    void aLinkPathWithoutQueryNeedsOneTokenSegment() {
        assertError("config error at links[0].path (line 4, column 11): must contain exactly one {token} segment,"
                + " e.g. /sign/{token}, or set query: to the token's query parameter", """
                upstream:
                  url: http://127.0.0.1:8081
                links:
                  - path: /sign
                """);
    }

    @Test
    void eachLinkIsNamedByItsIndex() {
        assertError("config error at links[1].path (line 5, column 11): must start with /, e.g. /sign/{token}", """
                upstream:
                  url: http://127.0.0.1:8081
                links:
                  - path: /sign/{token}
                  - path: sign/{token}
                """);
    }

    @Test
    void tokenMustBeAWholeSegmentAndQueryRoutesArePlainPaths() {
        assertEquals("{token} must be a whole path segment, e.g. /sign/{token}",
                error("upstream:\n  url: http://127.0.0.1:8081\nlinks:\n  - path: /sign/x{token}\n").detail());
        assertEquals("links[0].path", error("upstream:\n  url: http://127.0.0.1:8081\nlinks:\n"
                + "  - path: /s/{token}\n    query: t\n").keyPath());
        assertEquals("links", error(MINIMAL + "  - path: /sign/{token}\n").keyPath());
    }

    @Test
    void aMappingWrittenAsASingleValueIsAWrongType() {
        assertError("config error at listen (line 5, column 9): expected a mapping of host, port, tls, http2,"
                + " h2c, redirect-http-port; got a single value", MINIMAL + "listen: 8080\n");
    }

    @Test
    void aSingleValueWrittenAsAListIsAWrongType() {
        assertError("config error at policy.mode (line 6, column 9): expected a single value, got a list",
                MINIMAL + "policy:\n  mode: [balanced]\n");
    }

    @Test
    void aListWrittenAsASingleValueIsAWrongType() {
        assertError("config error at client-ip.trusted-proxies (line 6, column 20): expected a list, got a single"
                + " value", MINIMAL + "client-ip:\n  trusted-proxies: 10.0.0.0/8\n");
    }

    @Test
    void numbersPortsAndBooleansAreChecked() {
        assertError("config error at listen.port (line 6, column 9): \"http\" is not a whole number",
                MINIMAL + "listen:\n  port: http\n");
        assertError("config error at listen.port (line 6, column 9): must be 1-65535, or 0 for any free port"
                + " (got 70000)", MINIMAL + "listen:\n  port: 70000\n");
        assertError("config error at client-ip.proxy-protocol (line 6, column 19): \"yes\" is not true or false",
                MINIMAL + "client-ip:\n  proxy-protocol: yes\n");
    }

    @Test
    void recordValidationIsReportedAtTheValue() {
        assertError("config error at upstream.max-connections (line 3, column 20): must be at least 1 (got 0)", """
                upstream:
                  url: http://127.0.0.1:8081
                  max-connections: 0
                links:
                  - path: /sign/{token}
                """);
    }

    @Test
    void theUpstreamMustBeHttpOrHttpsWithAHost() {
        assertEquals("must be an http:// or https:// URL, e.g. http://127.0.0.1:8081",
                error("upstream:\n  url: ftp://app:8443\nlinks:\n  - path: /sign/{token}\n").detail());
        assertEquals("must name a host, e.g. http://127.0.0.1:8081",
                error("upstream:\n  url: http:///x\nlinks:\n  - path: /sign/{token}\n").detail());
        assertEquals("must have no path, query or fragment (e.g. http://127.0.0.1:8081): requests keep their own"
                + " path", error("upstream:\n  url: http://app/base\nlinks:\n  - path: /sign/{token}\n").detail());
    }

    @Test
    void enumValuesAreListedWhenWrong() {
        assertError("config error at policy.mode (line 6, column 9): \"fast\" is not one of balanced, strict,"
                + " monitor", MINIMAL + "policy:\n  mode: fast\n");
        assertEquals("\"BALANCED\" is not one of balanced, strict, monitor",
                error(MINIMAL + "policy:\n  mode: BALANCED\n").detail());
    }

    @Test
    void aBadListItemIsNamedByItsIndexAndColumn() {
        assertError("config error at client-ip.trusted-proxies[1] (line 6, column 33): \"10.0.0.0/33\" is not a"
                + " network (e.g. 10.0.0.0/8, 2001:db8::/32)", MINIMAL + """
                client-ip:
                  trusted-proxies: [10.0.0.0/8, 10.0.0.0/33]
                """);
    }

    @Test
    void aTrustedProxyWithHostBitsIsRejectedAtItsKeyAndLine() {
        assertError("config error at client-ip.trusted-proxies[0] (line 7, column 7): \"10.0.0.1/8\" has host bits"
                + " set: the network is 10.0.0.0/8, or write a longer prefix", MINIMAL + """
                client-ip:
                  trusted-proxies:
                    - 10.0.0.1/8
                """);
    }

    @Test
    void anUnquotedColourIsAnErrorSayingToQuoteIt() {
        assertError("config error at interstitial.color (line 6, column 10): YAML reads #1a56db as a comment, so"
                + " this key would be empty: quote the value, color: \"#1a56db\"", MINIMAL + """
                interstitial:
                  color: #1a56db
                """);
        assertError("config error at interstitial.color (line 6, column 12): YAML reads #fff as a comment, so this"
                + " key would be empty: quote the value, color: \"#fff\"", MINIMAL + "interstitial:\n  color:   #fff\n");
    }

    @Test
    void aCommentAfterAnEmptyValueIsStillAComment() {
        LinkgateConfig config = new ConfigLoader(name -> null).parse(MINIMAL + """
                interstitial:
                  logo:            # none yet
                  color: "#1a56db" # quoted
                """, "test.yaml");
        assertEquals(InterstitialConfig.defaults(), config.interstitial());
    }

    @Test
    void aRuleBetweenTwoKeysBlamesTheOneItNames() {
        assertError("config error at policy.double-click-window (line 5, column 1): must be shorter than link-ttl"
                + " (1s)", MINIMAL + "policy:\n  link-ttl: 1s\n");
        assertError("config error at admin (line 5, column 1): port 8080 is already the listen port",
                MINIMAL + "admin:\n  port: 8080\n");
    }

    @Test
    void sizesAndDurationsMustBePositive() {
        assertEquals("must be longer than 0", error(MINIMAL + "server:\n  idle-timeout: 0s\n").detail());
        assertEquals("must be at least 1 byte and less than 2GiB",
                error(MINIMAL + "server:\n  max-coalesce-body: 2GiB\n").detail());
        assertEquals("server.max-coalesce-body", error(MINIMAL + "server:\n  max-coalesce-body: 0\n").keyPath());
    }

    @Test
    void theAccentColourMustBeAHexColour() {
        assertError("config error at interstitial.color (line 6, column 10): must be #rgb or #rrggbb, e.g."
                + " \"#1a56db\" (quoted: # starts a YAML comment)", MINIMAL + "interstitial:\n  color: blue\n");
    }

    @Test
    void logoAndTemplateFilesMustExist() {
        ConfigException e = error(MINIMAL + "interstitial:\n  logo: no/such/logo.png\n");
        assertEquals("interstitial.logo", e.keyPath());
        assertTrue(e.detail().startsWith("file \"no/such/logo.png\" does not exist (relative paths are resolved"
                + " against the working directory, "), e.detail());
        assertEquals("interstitial.template", error(MINIMAL + "interstitial:\n  template: nope.html\n").keyPath());
    }

    @Test
    void detectionFilesAreNotCheckedByTheConfig() {
        LinkgateConfig config = ConfigFixtures.parse(MINIMAL + "detection:\n  networks: no/such/networks.txt\n");
        assertEquals(ListSource.file(Path.of("no/such/networks.txt")), config.detection().networks());
    }

    @Test
    void aBadRedisUriIsReportedWithoutRepeatingIt() {
        ConfigException e = error(MINIMAL + """
                store:
                  type: redis
                  redis:
                    uri: http://:hunter2@cache:6379
                """);
        assertEquals("config error at store.redis.uri (line 8, column 10): must be a redis://, rediss:// or"
                + " redis-sentinel:// URI (several hosts separated by commas for a cluster)", e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"));
    }

    @Test
    void anUnsetVariableWithoutDefaultNamesTheVariable() {
        assertError("config error at upstream.url (line 2, column 8): environment variable UPSTREAM_URL is not set"
                + " (write ${UPSTREAM_URL:-default} to give a default)", """
                upstream:
                  url: ${UPSTREAM_URL}
                links:
                  - path: /sign/{token}
                """);
    }

    @Test
    void aMalformedVariableReferenceIsAnError() {
        assertEquals("\"${\" without a closing \"}\"", error(MINIMAL + "interstitial:\n  name: ${NAME\n").detail());
        assertEquals("\"${1X}\" is not a variable reference (use ${NAME} or ${NAME:-default})",
                error(MINIMAL + "interstitial:\n  name: ${1X}\n").detail());
    }

    @Test
    void yamlSyntaxErrorsGiveTheirPositionOnOneLine() {
        assertError("config error (line 1, column 14): invalid YAML: mapping values are not allowed here",
                "upstream: url: http://127.0.0.1:8081\n");
    }

    @Test
    void aDuplicateKeyIsAnErrorNotASilentOverride() {
        assertError("config error at upstream (line 5, column 1): duplicate key (first at line 1)",
                MINIMAL + "upstream:\n  url: http://127.0.0.1:9999\n");
    }

    @Test
    void aliasesAreRejected() {
        assertError("config error at admin.host (line 8, column 9): YAML aliases (*h) are not supported: write the"
                + " value out", MINIMAL + "listen:\n  host: &h 127.0.0.1\nadmin:\n  host: *h\n");
    }

    @Test
    void onlyOneDocumentIsAllowed() {
        assertEquals("only one YAML document is allowed", error(MINIMAL + "---\nlisten: {}\n").detail());
    }

    @Test
    void theDocumentMustBeAMapping() {
        assertTrue(error("- a\n- b\n").getMessage().startsWith("config error (line 1, column 1): expected a mapping"
                + " of listen, admin, upstream,"));
    }

    @Test
    void theExceptionKnowsItsParts() {
        ConfigException e = error(MINIMAL + "policy:\n  mode: fast\n");
        assertEquals("test.yaml", e.source());
        assertEquals("policy.mode", e.keyPath());
        assertEquals(6, e.line());
        assertEquals(9, e.column());
    }

    private static void assertError(String expected, String yaml) {
        assertEquals(expected, error(yaml).getMessage());
    }

    private static ConfigException error(String yaml) {
        return assertThrows(ConfigException.class, () -> ConfigFixtures.parse(yaml, Map.of()));
    }
}
