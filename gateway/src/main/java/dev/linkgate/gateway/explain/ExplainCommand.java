// PLACEHOLDER (page branch)
package dev.linkgate.gateway.explain;

import dev.linkgate.core.config.LinkgateConfig;

import java.io.InputStream;
import java.io.PrintStream;

/** PLACEHOLDER (page branch): the integrator takes the page branch's version. */
public final class ExplainCommand {
    private ExplainCommand() {
    }

    public static void run(LinkgateConfig config, InputStream in, PrintStream out) {
        out.println("explain is not built yet");
    }
}
