package dev.linkgate.gateway.testing;

import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/** WireMock as the signing app: one per test class on a free loopback port, stubs and counts reset per test. */
public final class WireMockUpstream {
    private WireMockUpstream() {
    }

    public static WireMockExtension perClass() {
        return WireMockExtension.newInstance()
                .options(options().dynamicPort().bindAddress("127.0.0.1").notifier(new Slf4jNotifier(false)))
                .build();
    }
}
