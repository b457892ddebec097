package dev.linkgate.gateway.link;

import dev.linkgate.core.config.Mode;
import dev.linkgate.gateway.testing.Policies;
import dev.linkgate.gateway.testing.RecordedPolicy;

/** The link flow with the real click policy and detector over the shipped scanner lists. */
class LinkFlowWithRealPolicyTest extends LinkFlowContract {
    @Override
    RecordedPolicy policy(Mode mode) {
        return Policies.real(mode);
    }
}
