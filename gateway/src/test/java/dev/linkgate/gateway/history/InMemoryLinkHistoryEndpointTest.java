package dev.linkgate.gateway.history;

import dev.linkgate.core.config.StoreConfig;

class InMemoryLinkHistoryEndpointTest extends LinkHistoryEndpointContract {
    @Override
    StoreConfig store() {
        return StoreConfig.defaults();
    }
}
