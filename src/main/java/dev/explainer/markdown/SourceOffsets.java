package dev.explainer.markdown;

/**
 * Where each offset of a text given to flexmark stands in its body: the text is the body, a part
 * of it (a shortcode's body), or either with shortcode calls replaced by their markers. Made of
 * pieces, each a run of text copied from the body: piece {@code i} starts at {@code textAt[i]}
 * in the text and at {@code bodyAt[i]} in the body.
 */
record SourceOffsets(int[] textAt, int[] bodyAt) {

    /** A text copied whole from the body, starting at {@code base}. */
    static SourceOffsets shifted(int base) {
        return new SourceOffsets(new int[] {0}, new int[] {base});
    }

    int toBody(int offset) {
        // the last piece that starts at or before the offset: a call replaced by nothing leaves an empty piece
        int low = 0;
        int high = textAt.length - 1;
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (textAt[middle] <= offset) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        int piece = low;
        return bodyAt[piece] + offset - textAt[piece];
    }
}
