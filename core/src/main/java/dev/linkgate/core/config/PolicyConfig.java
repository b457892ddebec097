package dev.linkgate.core.config;

import java.time.Duration;

/**
 * @param doubleClickWindow same browser within this window: coalesced onto the first response
 * @param linkTtl           how long a link's state is remembered
 * @param continueTtl       how long a continue token (the interstitial page) stays valid
 * @param fanOutWindow      distinct client networks fetching one link within this window are a scanner
 * @param staleMajors       a browser more than this many majors behind current is stale
 * @param gestureDwell      the page's script gives the gesture proof only after this long on the page
 */
public record PolicyConfig(Mode mode, Duration doubleClickWindow, Duration linkTtl, Reclick reclick,
                           Duration continueTtl, Duration fanOutWindow, int staleMajors, Duration gestureDwell) {
}
