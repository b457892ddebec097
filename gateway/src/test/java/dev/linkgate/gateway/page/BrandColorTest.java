package dev.linkgate.gateway.page;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BrandColorTest {

    @Test
    void darkColoursGetWhiteTextAndLightColoursBlack() {
        assertEquals("#ffffff", BrandColor.of("#1f5fbf").textHex());
        assertEquals("#ffffff", BrandColor.of("#000").textHex());
        assertEquals("#000000", BrandColor.of("#ffcc00").textHex());
        assertEquals("#000000", BrandColor.of("#FFF").textHex());
        assertEquals("#1a1f36", BrandColor.of("#fff").borderHex(), "a light button gets a dark border on the white card");
        assertEquals("#1f5fbf", BrandColor.of("#1f5fbf").borderHex());
    }

    @Test
    void theButtonTextReachesAaContrastForEveryColour() {
        for (int r = 0; r < 256; r += 15) {
            for (int g = 0; g < 256; g += 15) {
                for (int b = 0; b < 256; b += 15) {
                    String hex = String.format("#%02x%02x%02x", r, g, b);
                    BrandColor c = BrandColor.of(hex);
                    assertTrue(BrandColor.contrast(c.hex(), c.textHex()) >= 4.5, hex);
                    assertTrue(BrandColor.contrast(c.borderHex(), "#ffffff") >= 3.0, hex);
                }
            }
        }
    }

    @Test
    void noColourMeansTheDefault() {
        assertEquals(BrandColor.DEFAULT, BrandColor.of(null).hex());
        assertEquals("#aabbcc", BrandColor.of(" #ABC ").hex());
    }
}
