package dev.explainer.load;

import dev.explainer.text.LinkSchemes;

import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.ProcessingInstruction;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an image file really is, from its bytes, never from its name: its format and its size in
 * pixels, or why it cannot be published as the image its extension claims. PNG, JPEG and GIF are
 * read with {@code javax.imageio}, whose readers give the declared size from the header alone, so
 * a decompression bomb is refused before anything is decoded; the image is then decoded (at a
 * reduced resolution, which still reads every byte) so that a truncated or corrupt file is caught.
 * WebP, which the JDK cannot read, is checked from its RIFF header; SVG is parsed as XML without a
 * DOCTYPE (so no entity can expand or reach a file).
 */
final class ImageInspector {
    /** The widest or tallest image accepted: beyond any screen, well within what a browser decodes. */
    static final int MAX_SIDE = 20_000;
    /** The most pixels accepted (50 megapixels, a large camera's photo): a bigger one is a bomb or a mistake. */
    static final long MAX_PIXELS = 50_000_000L;
    /** Decoding to check the bytes is done at about this many pixels on the longer side, to spare memory. */
    private static final int CHECK_SIDE = 512;

    private static final String SVG_NAMESPACE = "http://www.w3.org/2000/svg";
    /** The SVG elements that change another element's attribute while the image is shown. */
    private static final Set<String> ANIMATIONS = Set.of("set", "animate", "animateMotion", "animateTransform");
    private static final Pattern SVG_LENGTH = Pattern.compile("\\s*([0-9]*\\.?[0-9]+(?:[eE][+-]?[0-9]+)?)\\s*(px)?\\s*");
    private static final Pattern VIEW_BOX_SEPARATOR = Pattern.compile("[\\s,]+");

    /** The formats, by the extensions that claim them (lower case). */
    static final Map<String, String> FORMAT_OF_EXTENSION = Map.of(
            "png", "PNG", "jpg", "JPEG", "jpeg", "JPEG", "gif", "GIF", "webp", "WebP", "svg", "SVG");

    private ImageInspector() {
    }

    /** An image's size in pixels, or why the file cannot be published as an image (words that follow its name). */
    record Inspection(int width, int height, Optional<String> problem) {
        static Inspection of(int width, int height) {
            return new Inspection(width, height, Optional.empty());
        }

        static Inspection refused(String problem) {
            return new Inspection(0, 0, Optional.of(problem));
        }
    }

    /** Whether a file name claims to be an image this build publishes. */
    static boolean isImageName(String name) {
        return formatClaimedBy(name).isPresent();
    }

    static Optional<String> formatClaimedBy(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? Optional.empty()
                : Optional.ofNullable(FORMAT_OF_EXTENSION.get(name.substring(dot + 1).toLowerCase(Locale.ROOT)));
    }

    /** Inspects the bytes of the file {@code name}, which claims a format by its extension. */
    static Inspection inspect(String name, byte[] bytes) {
        String claimed = formatClaimedBy(name).orElseThrow();
        Optional<String> actual = formatOf(bytes);
        if (actual.isEmpty()) {
            return Inspection.refused("is not " + article(claimed) + " image: its bytes are not any image format"
                    + " (PNG, JPEG, GIF, WebP, SVG); export it again as " + claimed);
        }
        if (!actual.get().equals(claimed)) {
            return Inspection.refused("is not " + article(claimed) + " image: its bytes are " + article(actual.get())
                    + " image; rename it to end in ." + extensionOf(actual.get()) + ", or export it again as " + claimed);
        }
        try {
            return switch (claimed) {
                case "WebP" -> webp(bytes);
                case "SVG" -> svg(bytes);
                default -> decoded(claimed, bytes);
            };
        } catch (IOException | RuntimeException e) {
            // The JDK's readers throw unchecked exceptions too on damaged data; either way the file is damaged.
            return damaged(claimed);
        }
    }

    private static Inspection damaged(String format) {
        return Inspection.refused("is a damaged or incomplete " + format + " file (it may have been cut short while copied);"
                + " export or copy it again");
    }

    private static String article(String format) {
        return format.equals("SVG") ? "an SVG" : "a " + format;
    }

    private static String extensionOf(String format) {
        return format.equals("JPEG") ? "jpg" : format.toLowerCase(Locale.ROOT);
    }

    /** The format the bytes are in, by their signature. */
    static Optional<String> formatOf(byte[] b) {
        if (startsWith(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of("PNG");
        }
        if (startsWith(b, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of("JPEG");
        }
        if (startsWith(b, 0, 'G', 'I', 'F', '8', '7', 'a') || startsWith(b, 0, 'G', 'I', 'F', '8', '9', 'a')) {
            return Optional.of("GIF");
        }
        if (startsWith(b, 0, 'R', 'I', 'F', 'F') && startsWith(b, 8, 'W', 'E', 'B', 'P')) {
            return Optional.of("WebP");
        }
        return looksLikeSvg(b) ? Optional.of("SVG") : Optional.empty();
    }

    private static boolean startsWith(byte[] bytes, int at, int... expected) {
        if (bytes.length < at + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((bytes[at + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    /** Text that starts (after a byte-order mark, white space, an XML declaration or comments) like XML with an svg element in it. */
    private static boolean looksLikeSvg(byte[] bytes) {
        String start = new String(bytes, 0, Math.min(bytes.length, 4096), java.nio.charset.StandardCharsets.UTF_8);
        String trimmed = start.startsWith("\uFEFF") ? start.substring(1).strip() : start.strip();
        return trimmed.startsWith("<") && trimmed.contains("<svg");
    }

    /** PNG, JPEG or GIF: the declared size first, then the whole image decoded at a reduced resolution. */
    private static Inspection decoded(String format, byte[] bytes) throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.toLowerCase(Locale.ROOT));
        if (!readers.hasNext()) {
            throw new IllegalStateException("every Java platform reads " + format);
        }
        ImageReader reader = readers.next();
        List<String> warnings = new ArrayList<>();
        int width;
        int height;
        try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(input, false, false);
            reader.addIIOReadWarningListener((IIOReadWarningListener) (source, warning) -> warnings.add(warning));
            if (format.equals("GIF")) {
                // Browsers size a GIF by its logical screen, which can differ from its first frame's.
                width = u16(bytes, 6);
                height = u16(bytes, 8);
            } else {
                width = reader.getWidth(0);
                height = reader.getHeight(0);
            }
            Optional<String> tooLarge = sizeProblem(width, height);
            if (tooLarge.isPresent()) {
                return Inspection.refused(tooLarge.get());
            }
            ImageReadParam param = reader.getDefaultReadParam();
            int longer = Math.max(reader.getWidth(0), reader.getHeight(0));
            Optional<String> frameTooLarge = sizeProblem(reader.getWidth(0), reader.getHeight(0));
            if (frameTooLarge.isPresent()) {
                return Inspection.refused(frameTooLarge.get());
            }
            int step = Math.max(1, (longer + CHECK_SIDE - 1) / CHECK_SIDE);
            param.setSourceSubsampling(step, step, 0, 0);
            if (reader.canReadRaster()) {
                reader.readRaster(0, param); // no colour conversion: a CMYK JPEG is as valid as any
            } else {
                reader.read(0, param);
            }
            if (format.equals("GIF")) {
                reader.getNumImages(true); // walks every frame to the end: a cut-off animation fails here
            }
        } catch (IIOException e) {
            return damaged(format);
        } finally {
            reader.dispose();
        }
        if (!warnings.isEmpty()) {
            return damaged(format); // such as JPEG's "premature end of file"
        }
        return Inspection.of(width, height);
    }

    /** Why an image of this declared size is refused, if it is. */
    static Optional<String> sizeProblem(long width, long height) {
        if (width <= 0 || height <= 0) {
            return Optional.of("declares a size of " + width + " × " + height + " pixels, which no image has; export it again");
        }
        if (width > MAX_SIDE || height > MAX_SIDE || width * height > MAX_PIXELS) {
            return Optional.of("declares " + width + " × " + height + " pixels, over the limit of " + MAX_SIDE
                    + " pixels a side and " + MAX_PIXELS / 1_000_000 + " million pixels in all for an image of a page;"
                    + " scale it down (a page rarely needs more than 2,000 pixels across)");
        }
        return Optional.empty();
    }

    /**
     * WebP: the RIFF container must be exactly as long as it says, and its first chunk (VP8, VP8L
     * or VP8X) gives the size. The pixels themselves are not decoded: the JDK has no WebP reader.
     */
    private static Inspection webp(byte[] b) {
        if (b.length < 20) {
            return damaged("WebP");
        }
        long riffSize = u32(b, 4);
        if (riffSize + 8 != b.length) {
            return damaged("WebP");
        }
        String chunk = new String(b, 12, 4, java.nio.charset.StandardCharsets.US_ASCII);
        long chunkSize = u32(b, 16);
        int needed = chunk.equals("VP8L") ? 5 : 10; // the bytes of the chunk that give the size
        if (20 + chunkSize > b.length || chunkSize < needed) {
            return damaged("WebP");
        }
        int data = 20;
        long width;
        long height;
        switch (chunk) {
            case "VP8 " -> {
                if (!startsWith(b, data + 3, 0x9D, 0x01, 0x2A)) {
                    return damaged("WebP");
                }
                width = u16(b, data + 6) & 0x3FFF;
                height = u16(b, data + 8) & 0x3FFF;
            }
            case "VP8L" -> {
                if ((b[data] & 0xFF) != 0x2F) {
                    return damaged("WebP");
                }
                long bits = u32(b, data + 1);
                width = (bits & 0x3FFF) + 1;
                height = ((bits >> 14) & 0x3FFF) + 1;
            }
            case "VP8X" -> {
                width = u24(b, data + 4) + 1;
                height = u24(b, data + 7) + 1;
            }
            default -> {
                return damaged("WebP");
            }
        }
        Optional<String> tooLarge = sizeProblem(width, height);
        return tooLarge.map(Inspection::refused).orElseGet(() -> Inspection.of((int) width, (int) height));
    }

    private static long u32(byte[] b, int at) {
        return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24;
    }

    private static int u24(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16;
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    /**
     * SVG: XML whose root is an svg element, sized by its width and height (in pixels) or its
     * viewBox. It is served as a file and shown with an img element, where scripts never run;
     * a script, an event handler or a foreignObject is still refused, since a reader who opens the
     * file on its own would run it with the site's origin.
     */
    private static Inspection svg(byte[] bytes) {
        Document document;
        try {
            document = svgParser().parse(new InputSource(new ByteArrayInputStream(bytes)));
        } catch (SAXException | IOException e) {
            String detail = e.getMessage() != null && e.getMessage().contains("DOCTYPE")
                    ? "has a DOCTYPE, which an SVG image needs not and the build does not read; remove the <!DOCTYPE …> line"
                    : "is not a well-formed SVG file (its XML does not parse); export it again";
            return Inspection.refused(detail);
        }
        Element root = document.getDocumentElement();
        if (!"svg".equals(root.getLocalName()) || !SVG_NAMESPACE.equals(root.getNamespaceURI())) {
            return Inspection.refused("is not an SVG image: its root element is not <svg xmlns=\"" + SVG_NAMESPACE + "\">; export it again as SVG");
        }
        Optional<String> active = stylesheetInstruction(document).or(() -> activeContent(root));
        if (active.isPresent()) {
            return Inspection.refused(active.get());
        }
        Optional<Double> width = length(root.getAttribute("width"));
        Optional<Double> height = length(root.getAttribute("height"));
        Optional<double[]> viewBox = viewBox(root.getAttribute("viewBox"));
        double w;
        double h;
        if (width.isPresent() && height.isPresent()) {
            w = width.get();
            h = height.get();
        } else if (viewBox.isPresent()) {
            double ratio = viewBox.get()[1] / viewBox.get()[0];
            w = width.orElse(height.map(value -> value / ratio).orElse(viewBox.get()[0]));
            h = height.orElse(width.map(value -> value * ratio).orElse(viewBox.get()[1]));
        } else {
            return Inspection.refused("has no size: give its <svg> element a viewBox (such as viewBox=\"0 0 400 300\"),"
                    + " or width and height in pixels");
        }
        long roundedWidth = Math.max(1, Math.round(w));
        long roundedHeight = Math.max(1, Math.round(h));
        Optional<String> tooLarge = sizeProblem(roundedWidth, roundedHeight);
        return tooLarge.map(Inspection::refused).orElseGet(() -> Inspection.of((int) roundedWidth, (int) roundedHeight));
    }

    private static DocumentBuilder svgParser() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new ErrorHandler() { // the default one prints to the console
                @Override
                public void warning(SAXParseException e) {
                }

                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser has these features", e);
        }
    }

    /**
     * A script, event handler, foreignObject or unsafe link anywhere in the SVG, in words, if
     * there is one. Walked with a list of its own, not by recursion: elements nested a million
     * deep must not overflow the stack.
     */
    private static Optional<String> activeContent(Element root) {
        Deque<Element> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            Element element = pending.pop();
            Optional<String> found = activeIn(element);
            if (found.isPresent()) {
                return found;
            }
            for (Node child = element.getLastChild(); child != null; child = child.getPreviousSibling()) {
                if (child instanceof Element childElement) {
                    pending.push(childElement); // last pushed first: the walk keeps the document's order
                }
            }
        }
        return Optional.empty();
    }

    /**
     * An {@code <?xml-stylesheet?>} instruction, in words: a browser opening the file on its own
     * fetches it and may apply it as XSLT, which can write a script into the page.
     */
    private static Optional<String> stylesheetInstruction(Document document) {
        for (Node child = document.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof ProcessingInstruction instruction && "xml-stylesheet".equalsIgnoreCase(instruction.getTarget())) {
                return Optional.of("has an <?xml-stylesheet …?> line, which a browser opening the file on its own would fetch and"
                        + " could run as code; remove it (an SVG image styles itself with a <style> element)");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> activeIn(Element element) {
        String name = element.getLocalName();
        if ("script".equals(name) || "foreignObject".equals(name)) {
            return Optional.of("holds a <" + name + "> element, which could run code when the file is opened on its own;"
                    + " remove it (an image of a page needs none)");
        }
        // <set attributeName="href" to="javascript:…"> makes a link the attribute checks below never see.
        if (ANIMATIONS.contains(name) && element.getAttribute("attributeName").strip().toLowerCase(Locale.ROOT).matches("(.*:)?href")) {
            return Optional.of("changes a link with <" + name + " attributeName=\"" + element.getAttribute("attributeName").strip()
                    + "\">, which could lead to an address that runs code when the file is opened on its own; remove it");
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            String local = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
            if (local.toLowerCase(Locale.ROOT).startsWith("on")) {
                return Optional.of("has an event handler (" + attribute.getName() + " on <" + name + ">), which could run code"
                        + " when the file is opened on its own; remove it");
            }
            if (local.equals("href")) {
                Optional<String> scheme = LinkSchemes.schemeOfNormalised(LinkSchemes.normalise(attribute.getValue()));
                if (scheme.isPresent() && !LinkSchemes.SAFE.contains(scheme.get())) {
                    return Optional.of("links to a '" + scheme.get() + ":' address (on <" + name + ">), which could run code"
                            + " when the file is opened on its own; remove the link");
                }
            }
        }
        return Optional.empty();
    }

    /** A length in pixels (a bare number or one in px); empty for none, a percentage or another unit. */
    private static Optional<Double> length(String value) {
        Matcher matcher = SVG_LENGTH.matcher(value);
        if (value.isEmpty() || !matcher.matches()) {
            return Optional.empty();
        }
        double number = Double.parseDouble(matcher.group(1));
        return number > 0 && Double.isFinite(number) ? Optional.of(number) : Optional.empty();
    }

    private static Optional<double[]> viewBox(String value) {
        String[] parts = VIEW_BOX_SEPARATOR.split(value.strip());
        if (parts.length != 4) {
            return Optional.empty();
        }
        try {
            double width = Double.parseDouble(parts[2]);
            double height = Double.parseDouble(parts[3]);
            return width > 0 && height > 0 && Double.isFinite(width) && Double.isFinite(height)
                    ? Optional.of(new double[] {width, height}) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
