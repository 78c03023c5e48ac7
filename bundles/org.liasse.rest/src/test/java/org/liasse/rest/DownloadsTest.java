package org.liasse.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class DownloadsTest {

    @Test
    void anAsciiNameIsGivenTwice() {
        assertEquals("attachment; filename=\"bilan-2025.pdf\"; filename*=UTF-8''bilan-2025.pdf",
            Downloads.contentDisposition("bilan-2025.pdf"));
    }

    @Test
    void accentsAreRemovedFromTheFallbackAndPercentEncodedInTheExactName() {
        assertEquals("attachment; filename=\"Etat des effectifs (siege).xlsx\"; "
                + "filename*=UTF-8''%C3%89tat%20des%20effectifs%20%28si%C3%A8ge%29.xlsx",
            Downloads.contentDisposition("État des effectifs (siège).xlsx"));
    }

    @Test
    void nothingInTheNameCanEndTheHeaderOrAddAParameter() {
        String header = Downloads.contentDisposition("a\"; filename=evil.html\r\nX: y\\%.pdf");
        assertEquals("attachment; filename=\"a__ filename=evil.html__X: y__.pdf\"; "
            + "filename*=UTF-8''a%22%3B%20filename%3Devil.html%0D%0AX%3A%20y%5C%25.pdf", header);
        assertFalse(header.contains("\r") || header.contains("\n"));
    }
}
