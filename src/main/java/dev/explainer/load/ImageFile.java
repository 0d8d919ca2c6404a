package dev.explainer.load;

import java.util.Optional;

/**
 * An image file of {@code content/}, as the build found it: its size read from its own bytes, the
 * fingerprinted name it is published under, or why it cannot be published. Markdown that shows it
 * reports the problem at the image; a value, compared in full when a rebuild decides what to reuse.
 *
 * @param path       below the source folder: {@code content/countries/map.png}
 * @param outputPath below the output folder, with a hash of the bytes in the name
 *                   ({@code countries/map.3f9a0c1d2e.png}); empty for a file with a problem
 * @param width      in pixels (an SVG's width, rounded)
 * @param height     in pixels
 * @param problem    why it is not published, in words that follow its name
 */
public record ImageFile(String path, String outputPath, int width, int height, Optional<String> problem) {

    /** Whether a file name ends in an extension of an image format the build publishes (png, jpg, jpeg, gif, webp, svg). */
    public static boolean isImageName(String name) {
        return ImageInspector.isImageName(name);
    }
}
