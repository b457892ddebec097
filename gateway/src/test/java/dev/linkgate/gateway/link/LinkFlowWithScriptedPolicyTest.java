package dev.linkgate.gateway.link;

import dev.linkgate.core.config.Mode;
import dev.linkgate.gateway.testing.RecordedPolicy;
import dev.linkgate.gateway.testing.ScriptedPolicy;

/** The link flow with a scripted verdict over the real ledger and tokens: independent of the scanner lists. */
class LinkFlowWithScriptedPolicyTest extends LinkFlowContract {
    @Override
    RecordedPolicy policy(Mode mode) {
        return ScriptedPolicy.of(mode);
    }
}
