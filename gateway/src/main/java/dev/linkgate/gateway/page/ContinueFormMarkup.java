package dev.linkgate.gateway.page;

import dev.linkgate.core.policy.ContinueForm;
import dev.linkgate.core.policy.Interstitial;

/**
 * The Continue form and its script: the part of the page that is the gate. It posts to the page's own URL
 * (no action attribute: the document's URL, query included) with the token in a hidden field; the script
 * adds the gesture proof, which it reads from a data attribute, only on a trusted click after the dwell.
 * Without JavaScript the plain form still posts and the server decides on the request's own signals.
 */
final class ContinueFormMarkup {
    private ContinueFormMarkup() {
    }

    static String markup(Interstitial interstitial, PageLanguage language, String nonce, String script) {
        return "<form id=\"linkgate-form\" class=\"linkgate-form\" method=\"post\""
                + " data-proof-field=\"" + HtmlText.escape(ContinueForm.PROOF_FIELD) + "\""
                + " data-proof=\"" + HtmlText.escape(interstitial.proof()) + "\""
                + " data-dwell=\"" + Math.max(0, interstitial.dwellMillis()) + "\""
                + " data-sending=\"" + HtmlText.escape(PageText.get(language, "continue.sending")) + "\">\n"
                + "<input type=\"hidden\" name=\"" + HtmlText.escape(ContinueForm.TOKEN_FIELD) + "\" value=\""
                + HtmlText.escape(interstitial.token()) + "\">\n"
                + "<button type=\"submit\" id=\"linkgate-button\" class=\"linkgate-button\">"
                + HtmlText.escape(PageText.get(language, "continue.button"))
                + " <span aria-hidden=\"true\">→</span></button>\n"
                + "<p id=\"linkgate-status\" class=\"linkgate-status\" role=\"status\" aria-live=\"polite\"></p>\n"
                + "</form>\n"
                + "<script nonce=\"" + HtmlText.escape(nonce) + "\">\n" + script + "</script>";
    }
}
