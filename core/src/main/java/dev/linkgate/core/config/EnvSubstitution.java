package dev.linkgate.core.config;

import java.util.function.Function;

/**
 * {@code ${NAME}} and {@code ${NAME:-default}} inside a scalar value. As in the shell, the default applies
 * when the variable is unset or empty. {@code $${} writes a literal {@code ${}. Substituted text is not
 * scanned again.
 */
final class EnvSubstitution {
    private EnvSubstitution() {
    }

    /** A variable that is unset and has no default. */
    static final class UnsetVariable extends Exception {
        final String name;

        UnsetVariable(String name) {
            super(name, null, false, false);
            this.name = name;
        }
    }

    /**
     * @param unsetIsEmpty true to read an unset variable without default as "" instead of failing
     * @throws UnsetVariable            when a variable is unset, has no default, and unsetIsEmpty is false
     * @throws IllegalArgumentException for a malformed reference
     */
    static String apply(String text, Function<String, String> env, boolean unsetIsEmpty) throws UnsetVariable {
        int start = text.indexOf("${");
        if (start < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int done = 0;
        for (; start >= 0; start = text.indexOf("${", done)) {
            if (start > 0 && text.charAt(start - 1) == '$') {
                out.append(text, done, start - 1).append("${");
                done = start + 2;
                continue;
            }
            int end = text.indexOf('}', start);
            if (end < 0) {
                throw new IllegalArgumentException("\"${\" without a closing \"}\"");
            }
            out.append(text, done, start).append(resolve(text.substring(start + 2, end), env, unsetIsEmpty));
            done = end + 1;
        }
        return out.append(text, done, text.length()).toString();
    }

    private static String resolve(String reference, Function<String, String> env, boolean unsetIsEmpty)
            throws UnsetVariable {
        int dash = reference.indexOf(":-");
        String name = dash < 0 ? reference : reference.substring(0, dash);
        if (!isName(name)) {
            throw new IllegalArgumentException("\"${" + reference + "}\" is not a variable reference"
                    + " (use ${NAME} or ${NAME:-default})");
        }
        String value = env.apply(name);
        if (dash >= 0 && (value == null || value.isEmpty())) {
            return reference.substring(dash + 2);
        }
        if (value == null) {
            if (unsetIsEmpty) {
                return "";
            }
            throw new UnsetVariable(name);
        }
        return value;
    }

    private static boolean isName(String name) {
        if (name.isEmpty() || Character.isDigit(name.charAt(0))) {
            return false;
        }
        return name.chars().allMatch(c -> c == '_' || (c < 128 && Character.isLetterOrDigit(c)));
    }
}
