package dev.explainer.serve;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The preview serves each kind of page a site can have with its own content type. */
class ContentTypesTest {
    @Test
    void everyKindOfPageHasItsContentType() {
        assertEquals("text/html; charset=utf-8", ContentTypes.of("parties/index.html"));
        assertEquals("application/xml; charset=utf-8", ContentTypes.of("updates.xml"));
        assertEquals("application/json", ContentTypes.of("members.json"));
        assertEquals("text/plain; charset=utf-8", ContentTypes.of("humans.txt"));
        assertEquals("text/calendar; charset=utf-8", ContentTypes.of("meetings/2015/round-two.ics"));
    }
}
