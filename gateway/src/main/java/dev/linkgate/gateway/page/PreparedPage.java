package dev.linkgate.gateway.page;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One page (a language, a kind) with every slot that is the same for each response filled at start and
 * encoded to UTF-8 once: static fragments, merged where adjacent, between the few values that change per
 * response. Rendering measures those values, allocates the page once and copies; the values are ASCII as a
 * rule and are escaped straight into it. Immutable, so thread-safe.
 */
final class PreparedPage {
    /** A value that changes per response. Text values are HTML-escaped; the notice is markup. */
    enum Value {
        NONCE, TOKEN, PROOF, DWELL, FIRST_OPENED, NOTICE;

        String in(Values v) {
            return switch (this) {
                case NONCE -> v.nonce();
                case TOKEN -> v.token();
                case PROOF -> v.proof();
                case DWELL -> v.dwell();
                case FIRST_OPENED -> v.firstOpened();
                case NOTICE -> v.notice();
            };
        }

        boolean text() {
            return this != NOTICE;
        }
    }

    /** One response's values; null renders empty. */
    record Values(String nonce, String token, String proof, String dwell, String firstOpened, String notice) {
        static Values nonceOnly(String nonce) {
            return new Values(nonce, null, null, null, null, null);
        }
    }

    /** Per part, its bytes, or null where the part is a {@link #values value}. */
    private final byte[][] fragments;
    /** Per part, its value, or null where the part is a fragment. */
    private final Value[] values;
    private final int staticLength;

    private PreparedPage(List<byte[]> fragments, List<Value> values) {
        this.fragments = fragments.toArray(new byte[0][]);
        this.values = values.toArray(new Value[0]);
        int length = 0;
        for (byte[] f : this.fragments) {
            length += f == null ? 0 : f.length;
        }
        this.staticLength = length;
    }

    /** The page's UTF-8 bytes with these values. */
    byte[] render(Values v) {
        // Values that are not plain ASCII (rare: a reclick's localized notice) are encoded apart first.
        byte[][] encoded = null;
        int length = staticLength;
        for (int i = 0; i < values.length; i++) {
            Value value = values[i];
            if (value == null) {
                continue;
            }
            String s = value.in(v);
            int n = s == null ? 0 : value.text() ? HtmlText.asciiLength(s) : -1;
            if (n < 0) {
                encoded = encoded == null ? new byte[values.length][] : encoded;
                encoded[i] = (value.text() ? HtmlText.escape(s) : s).getBytes(StandardCharsets.UTF_8);
                n = encoded[i].length;
            }
            length += n;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (int i = 0; i < values.length; i++) {
            byte[] bytes = fragments[i] != null ? fragments[i] : encoded == null ? null : encoded[i];
            if (bytes != null) {
                System.arraycopy(bytes, 0, out, at, bytes.length);
                at += bytes.length;
            } else {
                at = HtmlText.writeAscii(values[i].in(v), out, at);
            }
        }
        return out;
    }

    /** Builds a page in order: markup, text and shared bytes are fixed, values come per response. */
    static final class Builder {
        private final List<byte[]> fragments = new ArrayList<>();
        private final List<Value> values = new ArrayList<>();
        private final StringBuilder run = new StringBuilder();

        /** Markup, as it is. */
        Builder html(String markup) {
            run.append(markup);
            return this;
        }

        /** Text, HTML-escaped; null adds nothing. */
        Builder text(String value) {
            run.append(HtmlText.escape(value));
            return this;
        }

        /**
         * Markup encoded once and shared by all pages rather than merged into each: the logo, up to a few hundred
         * KiB, would otherwise be copied into every language's every page.
         */
        Builder shared(byte[] utf8) {
            flush();
            add(utf8, null);
            return this;
        }

        Builder value(Value value) {
            flush();
            add(null, value);
            return this;
        }

        PreparedPage build() {
            flush();
            return new PreparedPage(fragments, values);
        }

        private void flush() {
            if (!run.isEmpty()) {
                add(run.toString().getBytes(StandardCharsets.UTF_8), null);
                run.setLength(0);
            }
        }

        private void add(byte[] fragment, Value value) {
            fragments.add(fragment);
            values.add(value);
        }
    }
}
