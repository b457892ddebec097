package dev.linkgate.gateway.store;

/** The ledger operations, as the {@code op} tag of the store metrics names them. */
enum StoreOp {
    VISIT("visit"),
    COMPLETE("complete"),
    RELEASE("release"),
    TAKE_OVER("take_over"),
    SHARED_RESPONSE("shared_response"),
    SPEND_NONCE("spend_nonce"),
    LOOKUP("lookup"),
    RESUME_COPY("resume_copy");

    final String tag;

    StoreOp(String tag) {
        this.tag = tag;
    }
}
