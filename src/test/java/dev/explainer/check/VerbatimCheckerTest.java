package dev.explainer.check;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerbatimCheckerTest {
    private static final String PASSAGE = """
            "I am convinced, having been part of this process since the day I became secretary that
            today's meeting was constructive and productive," Kerry said. "We feel a sense of urgency --
            every day that goes by, there are more innocent people killed."
            """;

    @Test
    void aVerbatimQuotePasses() {
        assertEquals(Optional.empty(), VerbatimChecker.mismatch("today's meeting was constructive and productive", PASSAGE));
    }

    @Test
    void whiteSpaceQuotationMarksAndDashesAreTypographyOnly() {
        assertEquals(Optional.empty(), VerbatimChecker.mismatch(
                "today\u2019s   meeting was\nconstructive", PASSAGE));
        assertEquals(Optional.empty(), VerbatimChecker.mismatch(
                "We feel a sense of urgency\u2014every day that goes by", PASSAGE));
    }

    @Test
    void anElisionPassesWhenBothSidesAppearInOrder() {
        assertEquals(Optional.empty(), VerbatimChecker.mismatch("I am convinced ... that today's meeting", PASSAGE));
        assertEquals(Optional.empty(), VerbatimChecker.mismatch("I am convinced\u2026 today's meeting was constructive", PASSAGE));
        assertTrue(VerbatimChecker.mismatch("today's meeting ... I am convinced", PASSAGE).isPresent(), "order matters");
    }

    @Test
    void aChangedWordFailsWithTheClosestPassageAndTheDifference() {
        Optional<String> problem = VerbatimChecker.mismatch("today's meeting was productive and constructive", PASSAGE);
        assertEquals(Optional.of("the quote does not match its source word for word; the closest passage is "
                + "\"today's meeting was constructive and productive\", which differs at word 4 of the quote: "
                + "'productive' where the source has 'constructive'"), problem);
    }
}
