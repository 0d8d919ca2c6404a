package dev.explainer.render;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** Pages are encoded by hand for speed; the bytes must be exactly what the JDK's UTF-8 gives. */
class Utf8OutputTest {
    private static final String MIXED = "Kerry said: \u201cWe\u2019re close\u201d \u2014 caf\u00e9, \u0627\u0644\u0623\u0633\u062f,"
            + " \ud83c\uddf8\ud83c\uddfe, a lone \ud800 surrogate and a lone \udc00 one. ";

    @Test
    void shortAndLongWritesEncodeAsTheJdkDoes() {
        for (String text : new String[] {"", "plain ascii", MIXED, MIXED.repeat(40), "x".repeat(255) + "\u00e9", "\ud83c\uddf8".repeat(300)}) {
            Utf8Output out = new Utf8Output();
            out.write(text);
            assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), out.toByteArray(), text);
        }
    }

    @Test
    void partsOfStringsAndArraysAndSinglesAddUp() {
        String longer = MIXED.repeat(20);
        Utf8Output out = new Utf8Output();
        out.write(longer, 3, 600);
        out.write(MIXED, 5, 20);
        out.write(MIXED.toCharArray(), 2, 30);
        out.write('\u00e9');
        out.reset();
        out.write(longer, 3, 600);
        out.write(MIXED.toCharArray(), 0, MIXED.length());
        out.write('\u00e9');
        String expected = longer.substring(3, 603) + MIXED + "\u00e9";
        assertArrayEquals(expected.getBytes(StandardCharsets.UTF_8), out.toByteArray());
    }

    @Test
    void aSurrogatePairSplitAcrossWritesIsStillOneCharacter() {
        String flag = "\ud83c\uddf8";
        String longer = "x".repeat(300) + "\ud83c";
        Utf8Output out = new Utf8Output();
        out.write(0xD83C);
        out.write(0xDDF8);
        out.write("ab\ud83c");
        out.write("\uddf8cd".toCharArray(), 0, 3);
        out.write(longer);
        out.write("\uddf8", 0, 1);
        out.write(0xD83C); // never completed
        String expected = flag + "ab" + flag + "cd" + longer + "\uddf8" + "\ud83c";
        assertArrayEquals(expected.getBytes(StandardCharsets.UTF_8), out.toByteArray());
    }
}
