package dev.linkgate.core.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PatternAutomatonTest {

    /** Every (literal id, end) pair found in one pass. */
    private static List<String> hits(PatternAutomaton automaton, String text) {
        List<String> out = new ArrayList<>();
        int state = PatternAutomaton.start();
        for (int end = 1; end <= text.length(); end++) {
            state = automaton.step(state, text.charAt(end - 1));
            for (int id : automaton.outputs(state)) {
                out.add(id + "@" + end);
            }
        }
        return out;
    }

    @Test
    void findsOverlappingAndNestedLiteralsInOnePass() {
        PatternAutomaton a = new PatternAutomaton(List.of("he", "she", "his", "hers"));
        assertEquals(List.of("0@4", "1@4", "3@6"), hits(a, "ushers"));
        assertEquals(List.of("2@3"), hits(a, "his"));
    }

    @Test
    void upperCaseAsciiFoldsToLowerCase() {
        PatternAutomaton a = new PatternAutomaton(List.of("googlebot"));
        assertEquals(List.of("0@9"), hits(a, "GoogleBot"));
    }

    @Test
    void nonAsciiCharactersBreakAMatch() {
        PatternAutomaton a = new PatternAutomaton(List.of("bot"));
        assertEquals(List.of(), hits(a, "b\u00f6t"));
        assertEquals(List.of("0@4"), hits(a, "\u00e9bot"));
    }

    @Test
    void sameLiteralTwiceReportsBothIds() {
        PatternAutomaton a = new PatternAutomaton(List.of("curl", "curl"));
        assertEquals(List.of("0@4", "1@4"), hits(a, "curl"));
    }

    @Test
    void literalsMustBeLowerCaseAscii() {
        assertThrows(IllegalArgumentException.class, () -> new PatternAutomaton(List.of("Bot")));
        assertThrows(IllegalArgumentException.class, () -> new PatternAutomaton(List.of("b\u00f6t")));
    }
}
