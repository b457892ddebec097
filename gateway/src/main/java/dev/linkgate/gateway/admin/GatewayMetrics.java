// PLACEHOLDER (page branch)
package dev.linkgate.gateway.admin;

import dev.linkgate.core.detect.Classification;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.util.function.LongSupplier;

/** PLACEHOLDER (page branch): the integrator takes the page branch's version. */
public final class GatewayMetrics {
    public GatewayMetrics(PrometheusMeterRegistry registry) {
    }

    public void request(String route, String decision, String reason) {
    }

    public void signals(Classification c) {
    }

    public void continued(String result) {
    }

    public void duplicateClick(String kind) {
    }

    public void upstreamDuration(long nanos) {
    }

    public void upstreamError(String type) {
    }

    public void connectionOpened() {
    }

    public void connectionClosed() {
    }

    public void ledgerSize(LongSupplier size) {
    }
}
