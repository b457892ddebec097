package dev.linkgate.core.detect;

import dev.linkgate.core.request.ClickRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The user_agent signal: a missing agent, the new Outlook's x-native-host header, or a known non-person agent
 * (config/scanners/user-agents.txt) makes a request BOT. All patterns are matched in one pass over the agent.
 */
public final class UserAgentRules {
    public static final String SIGNAL = "user_agent";
    /** Sent by the new Outlook (OneOutlook) when it fetches a link itself. */
    public static final String NATIVE_HOST_HEADER = "x-native-host";

    private static final Evidence MISSING =
            new Evidence(SIGNAL, Weight.BOT, "ua_missing", "no User-Agent header, or an empty one");
    private static final Evidence NATIVE_HOST =
            new Evidence(SIGNAL, Weight.BOT, "ua_native_host", "x-native-host header: Outlook fetching the link");

    /** Agents longer than this are matched each time, never remembered: the memory stays small whatever is sent. */
    static final int MAX_REMEMBERED = 512;
    private static final int REMEMBERED = 1024;
    /** A remembered agent that matched nothing. */
    private static final Evidence NONE = new Evidence(SIGNAL, Weight.NOTE, "ua_none", "no pattern matched");

    private final List<UserAgentPattern> patterns;
    private final PatternAutomaton automaton;
    private final Evidence[] evidence;
    /**
     * Recent agents and their result, one per slot by the agent's hash. The same few thousand agents make most
     * traffic, and a match walks the automaton's table (hundreds of kilobytes) once per character: a slot costs
     * the string's hash and an equals. Entries are immutable and replaced whole, so the event loops share the
     * array without a lock (a lost write only means a later match); a reload builds new rules and a new array.
     */
    private final Remembered[] remembered = new Remembered[REMEMBERED];

    private record Remembered(String userAgent, Evidence evidence) {
    }

    /** @param patterns in any order; browser patterns are moved first so they are seen before the hits they silence */
    public UserAgentRules(List<UserAgentPattern> patterns) {
        List<UserAgentPattern> ordered = new ArrayList<>(patterns);
        ordered.sort(Comparator.comparing(p -> p.category() != UserAgentCategory.BROWSER));
        this.patterns = List.copyOf(ordered);
        List<String> literals = new ArrayList<>(ordered.size());
        evidence = new Evidence[ordered.size()];
        for (int i = 0; i < ordered.size(); i++) {
            UserAgentPattern p = ordered.get(i);
            literals.add(p.literal());
            evidence[i] = new Evidence(SIGNAL, Weight.BOT, p.category().reason(),
                    "matched '" + p.text() + "' (" + p.category().fileName() + ")");
        }
        automaton = new PatternAutomaton(literals);
    }

    /** Reads a pattern file and adds the operator's inline patterns (same syntax). */
    public static UserAgentRules load(Path file, List<String> extraPatterns) throws IOException {
        List<UserAgentPattern> all = new ArrayList<>(parse(Files.readAllLines(file, StandardCharsets.UTF_8),
                file.toString()));
        for (int i = 0; i < extraPatterns.size(); i++) {
            all.addAll(parse(List.of(extraPatterns.get(i)), "extra user-agent pattern #" + (i + 1)));
        }
        return new UserAgentRules(all);
    }

    /** Parses lines of user-agents.txt syntax; comments and blank lines are skipped. */
    public static List<UserAgentPattern> parse(List<String> lines, String source) {
        List<UserAgentPattern> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                out.add(UserAgentPattern.parse(line));
            } catch (IllegalArgumentException e) {
                throw new ScannerListException(source, i + 1, e.getMessage());
            }
        }
        return out;
    }

    /** BOT evidence for the request's agent, or null when it may be a person. */
    public Evidence check(ClickRequest request) {
        String userAgent = request.userAgent();
        if (userAgent == null || userAgent.isBlank()) {
            return MISSING;
        }
        if (request.headers().contains(NATIVE_HOST_HEADER)) {
            return NATIVE_HOST;
        }
        return match(userAgent);
    }

    /** The evidence of the best pattern found in the agent, or null. */
    public Evidence match(String userAgent) {
        if (userAgent.length() > MAX_REMEMBERED) {
            return scan(userAgent);
        }
        int slot = spread(userAgent.hashCode()) & (REMEMBERED - 1);
        Remembered r = remembered[slot];
        if (r != null && r.userAgent().equals(userAgent)) {
            return r.evidence() == NONE ? null : r.evidence();
        }
        Evidence found = scan(userAgent);
        remembered[slot] = new Remembered(userAgent, found == null ? NONE : found);
        return found;
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }

    /** The automaton's pass over the agent. Allocation-free. */
    Evidence scan(String userAgent) {
        int best = -1;
        int state = PatternAutomaton.start();
        for (int end = 1; end <= userAgent.length(); end++) {
            state = automaton.step(state, userAgent.charAt(end - 1));
            int[] ids = automaton.outputs(state);
            int exemptFrom = Integer.MAX_VALUE;
            for (int id : ids) {
                UserAgentPattern p = patterns.get(id);
                int start = end - automaton.length(id);
                if (!p.fits(userAgent, start, end)) {
                    continue;
                }
                if (p.category() == UserAgentCategory.BROWSER) {
                    exemptFrom = Math.min(exemptFrom, start);
                } else if (start < exemptFrom && better(id, best)) {
                    best = id;
                }
            }
        }
        return best < 0 ? null : evidence[best];
    }

    /** The patterns, browser patterns first. */
    public List<UserAgentPattern> patterns() {
        return patterns;
    }

    /**
     * The earlier category explains the agent better (a previewer that uses an HTTP library is a previewer);
     * within a category the longer literal does ("googlebot" over the "http://" of its contact URL).
     */
    private boolean better(int candidate, int best) {
        if (best < 0) {
            return true;
        }
        UserAgentPattern c = patterns.get(candidate);
        UserAgentPattern b = patterns.get(best);
        int byCategory = c.category().compareTo(b.category());
        return byCategory < 0 || (byCategory == 0 && c.literal().length() > b.literal().length());
    }
}
