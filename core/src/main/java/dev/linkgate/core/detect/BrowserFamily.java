package dev.linkgate.core.detect;

/** Browsers linkgate recognises well enough to judge their age and headers. */
public enum BrowserFamily {
    /** Chrome and the Chromium browsers that keep Chrome's token (Brave, Samsung Internet, web views, ...). */
    CHROME("Chrome"),
    EDGE("Edge"),
    OPERA("Opera"),
    FIREFOX("Firefox"),
    SAFARI("Safari"),
    /** An iOS app's WebKit view (Instagram, Facebook, Gmail in-app): a person, but its version is the OS's. */
    WEBKIT_APP("iOS web view");

    private final String displayName;

    BrowserFamily(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
