package dev.linkgate.core.detect;

import dev.linkgate.core.request.ClickRequest;

/** Request-local detection: the policy's view of {@link Detector}, so policy tests can script verdicts. */
@FunctionalInterface
public interface RequestClassifier {
    Classification classify(ClickRequest request);
}
