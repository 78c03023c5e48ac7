package org.liasse.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.annotation.Annotation;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The values of the site, from the settings of the web UI. */
class PagesTest {

    private static WebConfig config(String theme, String partner, String logo) {
        return new WebConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return WebConfig.class;
            }

            @Override
            public String theme() {
                return theme;
            }

            @Override
            public String partner_name() {
                return partner;
            }

            @Override
            public String logo() {
                return logo;
            }

            @Override
            public String publisher() {
                return partner;
            }

            @Override
            public String publisher_email() {
                return "contact@liasse.example";
            }

            @Override
            public String host() {
                return "Hébergeur & associés";
            }
        };
    }

    @Test
    void theSettingsAreEscapedForHtmlAndTheLogoIsDecorative() {
        Map<String, String> site = Pages.siteValues(config("neutre", "Fédération \"<b>\"", "/images/logo.svg?a=1&b=2"));

        assertEquals("Fédération &quot;&lt;b&gt;&quot;", site.get("partenaire"));
        assertEquals("<img class=\"logo\" src=\"/images/logo.svg?a=1&amp;b=2\" alt=\"\">", site.get("logo"));
        assertEquals("Hébergeur &amp; associés", site.get("hebergeur"));
        assertEquals("", Pages.siteValues(config("dsfr", "Ministère", " ")).get("logo"));
    }

    @Test
    void anUnknownThemeIsRefused() {
        assertEquals("theme bleu in org.liasse.web: expected one of [dsfr, neutre]", assertThrows(IllegalArgumentException.class,
            () -> Pages.siteValues(config("bleu", "Ministère", ""))).getMessage());
    }
}
