package dev.linkgate.gateway.link;

import dev.linkgate.core.config.Mode;
import dev.linkgate.gateway.testing.ScriptedDecider;

/** The link flow with a scripted verdict over the real ledger and tokens: independent of the scanner lists. */
class LinkFlowWithScriptedPolicyTest extends LinkFlowContract {
    @Override
    LinkDecider policy(Mode mode) {
        ScriptedDecider d = ScriptedDecider.standard();
        return mode == Mode.MONITOR ? d.monitoring() : d;
    }
}
