package dev.linkgate.gateway.page;

import dev.linkgate.core.policy.ContinueForm;
import dev.linkgate.gateway.page.PreparedPage.Value;

/**
 * The Continue form and its script: the part of the page that is the gate. It posts to the page's own URL
 * (no action attribute: the document's URL, query included) with the token in a hidden field; the script
 * adds the gesture proof, which it reads from a data attribute, only on a trusted click after the dwell.
 * Without JavaScript the plain form still posts and the server decides on the request's own signals.
 */
final class ContinueFormMarkup {
    private ContinueFormMarkup() {
    }

    /** Writes the form, with this response's token, proof, dwell and nonce left as values. */
    static void markup(PageLanguage language, String script, PreparedPage.Builder out) {
        out.html("<form id=\"linkgate-form\" class=\"linkgate-form\" method=\"post\" data-proof-field=\"")
                .text(ContinueForm.PROOF_FIELD)
                .html("\" data-proof=\"").value(Value.PROOF)
                .html("\" data-dwell=\"").value(Value.DWELL)
                .html("\" data-sending=\"").text(PageText.get(language, "continue.sending")).html("\">\n")
                .html("<input type=\"hidden\" name=\"").text(ContinueForm.TOKEN_FIELD)
                .html("\" value=\"").value(Value.TOKEN).html("\">\n")
                .html("<button type=\"submit\" id=\"linkgate-button\" class=\"linkgate-button\">")
                .text(PageText.get(language, "continue.button"))
                .html(" <span aria-hidden=\"true\">→</span></button>\n")
                .html("<p id=\"linkgate-status\" class=\"linkgate-status\" role=\"status\" aria-live=\"polite\"></p>\n")
                .html("</form>\n")
                .html("<script nonce=\"").value(Value.NONCE).html("\">\n").html(script).html("</script>");
    }
}
