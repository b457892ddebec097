package dev.linkgate.core.ledger;

import dev.linkgate.core.testing.MutableClock;

class InMemoryResumeLedgerTest extends ResumeLedgerContract {
    @Override
    protected ClickLedger newLedger(LedgerSettings settings, MutableClock clock) {
        return new InMemoryClickLedger(settings, clock);
    }
}
