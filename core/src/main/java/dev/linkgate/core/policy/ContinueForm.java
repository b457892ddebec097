package dev.linkgate.core.policy;

/** Field names of the interstitial's form, shared by the page and the gateway that reads it back. */
public final class ContinueForm {
    public static final String TOKEN_FIELD = "linkgate-continue";
    public static final String PROOF_FIELD = "linkgate-proof";
    /** The largest continue form body the gateway reads; anything larger is not a continue. */
    public static final int MAX_BODY_BYTES = 4096;

    private ContinueForm() {
    }
}
