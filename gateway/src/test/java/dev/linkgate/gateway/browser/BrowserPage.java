package dev.linkgate.gateway.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * What the browser's current tab shows: linkgate's Continue page, one of its problem pages, or the signing
 * app's document. Waits are for conditions in the page, never for wall-clock time.
 */
final class BrowserPage {
    static final By FORM = By.id("linkgate-form");
    static final By BUTTON = By.id("linkgate-button");
    static final By FIRST_OPENED = By.cssSelector("time.linkgate-first-opened");
    static final Duration PATIENCE = Duration.ofSeconds(10);

    private final WebDriver driver;

    BrowserPage(WebDriver driver) {
        this.driver = driver;
    }

    /** The Continue page's button, once the page is there; fails saying what is shown instead. */
    WebElement continueButton() {
        try {
            return waiting().until(ExpectedConditions.presenceOfElementLocated(BUTTON));
        } catch (org.openqa.selenium.TimeoutException e) {
            return fail("expected linkgate's Continue page at " + driver.getCurrentUrl() + " but the page says: "
                    + bodyText());
        }
    }

    /**
     * Waits until the page has been open longer than its gesture dwell (data-dwell), by the page's own clock.
     * The page's script started its clock before this is called, so once ours passes the dwell, so has the
     * script's, and the server's (it issued the token before sending the page).
     */
    void awaitDwell() {
        long dwell = Long.parseLong(driver.findElement(FORM).getDomAttribute("data-dwell"));
        double start = now();
        new WebDriverWait(driver, PATIENCE, Duration.ofMillis(20))
                .withMessage("the page's clock to pass its dwell of " + dwell + " ms")
                .until(d -> now() - start > dwell + 50);
    }

    /** Waits until the signing app's document has arrived, or fails saying what is shown instead. */
    void awaitDocument() {
        try {
            waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), SigningApp.HEADING));
        } catch (org.openqa.selenium.TimeoutException e) {
            fail("expected the signing app's document at " + driver.getCurrentUrl() + " but the page says: "
                    + bodyText());
        }
    }

    /** Waits until {@code element}'s page has been replaced by the next one. */
    void awaitNavigationAwayFrom(WebElement element) {
        waiting().until(ExpectedConditions.stalenessOf(element));
        waiting().until(d -> "complete".equals(js().executeScript("return document.readyState")));
    }

    /** Waits until the page has been open this long, by its own clock (from its navigation's start). */
    void awaitOpenFor(Duration elapsed) {
        new WebDriverWait(driver, PATIENCE, Duration.ofMillis(50))
                .withMessage("the page's clock to pass " + elapsed.toMillis() + " ms")
                .until(d -> now() > elapsed.toMillis());
    }

    /** A re-click's Continue page says when the link was first opened. */
    boolean showsFirstOpenedNotice() {
        return driver.findElements(FIRST_OPENED).stream().anyMatch(t -> !t.getText().isBlank());
    }

    boolean showsContinuePage() {
        return !driver.findElements(BUTTON).isEmpty();
    }

    boolean showsDocument() {
        return driver.findElements(By.tagName("h1")).stream().anyMatch(h -> SigningApp.HEADING.equals(h.getText()));
    }

    /** The HTTP status of the response the current page was loaded from (Navigation Timing). */
    long responseStatus() {
        Object status = js().executeScript(
                "var n = performance.getEntriesByType('navigation')[0]; return n ? n.responseStatus : -1;");
        return ((Number) status).longValue();
    }

    String bodyText() {
        return driver.findElement(By.tagName("body")).getText().replace('\n', ' ');
    }

    void assertShowsDocumentWithSession() {
        awaitDocument();
        assertTrue(driver.manage().getCookieNamed(SigningApp.SESSION_COOKIE) != null,
                "the signing app's session cookie reached the browser");
    }

    private double now() {
        return ((Number) js().executeScript("return performance.now()")).doubleValue();
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(driver, PATIENCE, Duration.ofMillis(25));
    }

    private JavascriptExecutor js() {
        return (JavascriptExecutor) driver;
    }
}
