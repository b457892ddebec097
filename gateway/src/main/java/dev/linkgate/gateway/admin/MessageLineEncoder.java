package dev.linkgate.gateway.admin;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.EncoderBase;

import java.nio.charset.StandardCharsets;

/**
 * The access log's encoder: the message as it is (already a JSON line) and a newline, UTF-8; what the pattern
 * {@code %msg%n} writes, without a pattern layout's converters and string builders per line.
 */
public final class MessageLineEncoder extends EncoderBase<ILoggingEvent> {
    private static final byte[] NOTHING = new byte[0];

    @Override
    public byte[] headerBytes() {
        return NOTHING;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        String message = event.getFormattedMessage();
        byte[] text = message.getBytes(StandardCharsets.UTF_8);
        byte[] line = java.util.Arrays.copyOf(text, text.length + 1);
        line[text.length] = '\n';
        return line;
    }

    @Override
    public byte[] footerBytes() {
        return NOTHING;
    }
}
