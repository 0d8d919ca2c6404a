package dev.explainer.pipeline;

import dev.explainer.load.ChangedFiles;
import dev.explainer.output.OutputFile;
import dev.explainer.testing.TestSite;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Images in Markdown: beside the entry's file or in the media folder, published with a
 * fingerprinted name, shown with their width and height and alt text; every way an image can be
 * wrong is an error at the image, with the fix.
 */
class ImagesTest {
    @TempDir
    Path root;
    @TempDir
    Path elsewhere;

    /** Ann's body, replaced: the front matter takes lines 1 to 5, so the body's first line is line 6. */
    private void annSays(String body) {
        TestSite.write(root, """
                -- content/people/ann.md --
                ---
                name: Ann
                party: reds
                born: 1970-01-02
                ---
                """ + body);
    }

    static byte[] png(int width, int height) {
        return encoded("png", new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB));
    }

    static byte[] jpeg(int width, int height) {
        return encoded("jpg", new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB));
    }

    static byte[] gif(int width, int height) {
        return encoded("gif", new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED));
    }

    private static byte[] encoded(String format, BufferedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            assertTrue(ImageIO.write(image, format, bytes), format);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A lossless WebP's header (RIFF, VP8L, the 14-bit sizes less one): what the build reads of a WebP. */
    static byte[] webp(int width, int height) {
        long bits = (width - 1L) | (height - 1L) << 14;
        byte[] chunk = {0x2F, (byte) bits, (byte) (bits >> 8), (byte) (bits >> 16), (byte) (bits >> 24), 0, 0, 0};
        byte[] file = new byte[20 + chunk.length];
        System.arraycopy("RIFF".getBytes(StandardCharsets.US_ASCII), 0, file, 0, 4);
        int riff = file.length - 8;
        file[4] = (byte) riff;
        System.arraycopy("WEBPVP8L".getBytes(StandardCharsets.US_ASCII), 0, file, 8, 8);
        file[16] = (byte) chunk.length;
        System.arraycopy(chunk, 0, file, 20, chunk.length);
        return file;
    }

    /** A PNG signature and header (IHDR) declaring a size, without any pixels: what a decompression bomb starts with. */
    static byte[] pngHeader(int width, int height) {
        byte[] real = png(1, 1);
        byte[] header = Arrays.copyOf(real, 33); // signature (8), IHDR length and type (8), data (13), CRC (4)
        header[16] = (byte) (width >>> 24);
        header[17] = (byte) (width >>> 16);
        header[18] = (byte) (width >>> 8);
        header[19] = (byte) width;
        header[20] = (byte) (height >>> 24);
        header[21] = (byte) (height >>> 16);
        header[22] = (byte) (height >>> 8);
        header[23] = (byte) height;
        return header;
    }

    private void put(String path, byte[] bytes) {
        try {
            Files.createDirectories(root.resolve(path).getParent());
            Files.write(root.resolve(path), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Element image(String page) {
        Document html = TestSite.html(root.resolve("site/" + page));
        List<Element> images = html.select("main img, img");
        assertFalse(images.isEmpty(), "an img on " + page);
        return images.get(0);
    }

    private String errors(TestSite.Run run) {
        return run.err().lines().filter(line -> line.contains(": error: ")).collect(Collectors.joining("\n"));
    }

    @Test
    void anImageBesideTheEntryIsPublishedFingerprintedWithItsSizeAndAltText() throws IOException {
        TestSite.write(root, TestSite.BASE);
        byte[] map = png(30, 20);
        put("content/people/ann-map.png", map);
        annSays("Ann is *red*.\n\n![A map of Ann's town](ann-map.png \"Ann's town\")\n");
        TestSite.Run run = TestSite.build(root);
        assertEquals(0, run.exitCode(), run.err());

        Element img = image("people/ann/index.html");
        assertTrue(img.attr("src").matches("\\.\\./\\.\\./people/ann-map\\.[0-9a-f]{10}\\.png"), img.attr("src"));
        assertEquals("30", img.attr("width"));
        assertEquals("20", img.attr("height"));
        assertEquals("A map of Ann\u2019s town", img.attr("alt"), "as the page's text, apostrophe typographic");
        assertEquals("Ann's town", img.attr("title"));
        assertEquals("lazy", img.attr("loading"));
        assertEquals("async", img.attr("decoding"));
        Path published = root.resolve("site/people/ann").resolve(img.attr("src")).normalize();
        assertArrayEquals(map, Files.readAllBytes(published), "the image's own bytes");
        assertFalse(Files.exists(root.resolve("site/people/ann-map.png")), "only under its fingerprinted name");
    }

    @Test
    void altTextIsEscapedAndAnImageMayLieInASubfolderOfTheCollection() {
        TestSite.write(root, TestSite.BASE);
        put("content/people/maps/town.png", png(5, 5));
        annSays("![Roads & <b>rivers</b> of the \"old\" town](maps/town.png)\n");
        TestSite.Run run = TestSite.build(root);
        assertEquals(0, run.exitCode(), run.err());
        assertFalse(run.err().contains("maps/town.png"), "neither stray nor an error: " + run.err());
        Element img = image("people/ann/index.html");
        assertEquals("Roads & <b>rivers</b> of the \u201cold\u201d town", img.attr("alt"), "the text as written, quotes made typographic");
        assertTrue(img.attr("src").startsWith("../../people/maps/town."), img.attr("src"));
        assertEquals(List.of(), img.children(), "an attribute, not markup");
    }

    @Test
    void aTemplateGetsAnImagesLinkAndSizeAndAnUnknownOneIsAnErrorAtItsLine() {
        TestSite.write(root, TestSite.BASE);
        put("content/people/ann.png", png(9, 4));
        TestSite.write(root, """
                -- templates/party.ftlh --
                <#import "layout.ftlh" as l><@l.frame title=entry.name><h1>${entry.name}</h1>
                <ul id="members"><#list entry.referrers.people![] as p><li><a href="${p.href}">${p.name}</a></li></#list></ul>
                <#assign i = image('/people/ann.png')><img src="${i.src}" width="${i.width?c}" height="${i.height?c}" alt="Ann">
                </@l.frame>
                """);
        TestSite.Run run = TestSite.build(root);
        assertEquals(0, run.exitCode(), run.err());
        Element img = image("parties/reds/index.html");
        assertTrue(img.attr("src").matches("\\.\\./\\.\\./people/ann\\.[0-9a-f]{10}\\.png"), img.attr("src"));
        assertEquals(List.of("9", "4"), List.of(img.attr("width"), img.attr("height")));

        TestSite.edit(root, "templates/party.ftlh", "image('/people/ann.png')", "image('/people/bob.png')");
        TestSite.Run broken = TestSite.build(root);
        assertEquals(1, broken.exitCode());
        assertTrue(broken.err().contains("templates/party.ftlh:3:"), broken.err());
        assertTrue(broken.err().contains("image: no image of content/ has the site path '/people/bob.png'; write the path from"
                + " content/ with a leading '/', such as '/media/region.png'"), broken.err());
    }

    @Test
    void theSizeIsReadFromEveryFormat() {
        TestSite.write(root, TestSite.BASE);
        put("content/people/a.jpg", jpeg(64, 48));
        put("content/people/b.gif", gif(7, 5));
        put("content/people/c.webp", webp(300, 200));
        TestSite.write(root, """
                -- content/people/d.svg --
                <?xml version="1.0"?>
                <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40"><rect width="120" height="40"/></svg>
                -- content/people/e.svg --
                <svg xmlns="http://www.w3.org/2000/svg" width="50px" height="25.4"><circle r="3"/></svg>
                """);
        annSays("![A](a.jpg) ![B](b.gif) ![C](c.webp) ![D](d.svg) ![E](./e.svg)\n");
        TestSite.Run run = TestSite.build(root);
        assertEquals(0, run.exitCode(), run.err());
        Document html = TestSite.html(root.resolve("site/people/ann/index.html"));
        Map<String, String> sizes = html.select("img").stream()
                .collect(Collectors.toMap(img -> img.attr("alt"), img -> img.attr("width") + "x" + img.attr("height")));
        assertEquals(Map.of("A", "64x48", "B", "7x5", "C", "300x200", "D", "120x40", "E", "50x25"), sizes);
        assertTrue(html.select("img[alt=C]").attr("src").matches("\\.\\./\\.\\./people/c\\.[0-9a-f]{10}\\.webp"));
    }

    @Test
    void anImageOfTheMediaFolderIsWrittenFromTheSiteRootAndADecorativeOneHasAnEmptyAlt() {
        TestSite.write(root, TestSite.BASE);
        TestSite.edit(root, "content/site.yaml", "menu:", "media: media\nmenu:");
        put("content/media/maps/region.png", png(12, 8));
        TestSite.write(root, """
                -- content/pages/index.md --
                ---
                title: Welcome
                url: /
                ---
                # Start

                Meet [Ann](/people/ann/) of the [Reds](/parties/reds/#members).

                ![A map of the region](/media/maps/region.png) ![""](/media/maps/region.png)
                """);
        annSays("![A map of the region][map]\n\n[map]: /media/maps/region.png\n");
        TestSite.Run run = TestSite.build(root);
        assertEquals(0, run.exitCode(), run.err());
        Document home = TestSite.html(root.resolve("site/index.html"));
        List<Element> images = home.select("img");
        assertEquals(2, images.size());
        assertTrue(images.get(0).attr("src").matches("media/maps/region\\.[0-9a-f]{10}\\.png"), images.get(0).attr("src"));
        assertEquals("A map of the region", images.get(0).attr("alt"));
        assertTrue(images.get(1).hasAttr("alt"));
        assertEquals("", images.get(1).attr("alt"), "decorative: an empty alt, which screen readers skip");
        Element fromAnn = image("people/ann/index.html");
        assertEquals("../../" + images.get(0).attr("src"), fromAnn.attr("src"), "a reference-style image, relative from a deeper page");
        assertEquals("12", fromAnn.attr("width"));
    }

    @Test
    void anImageWithoutAltTextIsAnErrorAtTheImage() {
        TestSite.write(root, TestSite.BASE);
        put("content/people/ann-map.png", png(3, 2));
        TestSite.Run run = TestSite.breakWith(root, """
                -- content/people/ann.md --
                ---
                name: Ann
                party: reds
                born: 1970-01-02
                ---
                Ann is red.

                See ![](ann-map.png) and ![  ](ann-map.png).
                """);
        assertEquals("""
                content/people/ann.md:8:5: error: image 'ann-map.png' has no alt text; describe it in the brackets for readers who\
                 cannot see it, as in ![A map of the region](ann-map.png), or write ![""](ann-map.png) for an image that is only decoration
                content/people/ann.md:8:26: error: image 'ann-map.png' has no alt text; describe it in the brackets for readers who\
                 cannot see it, as in ![A map of the region](ann-map.png), or write ![""](ann-map.png) for an image that is only decoration""",
                errors(run));
    }

    @Test
    void aMissingImageIsAnErrorThatSuggestsTheNearestFile() {
        TestSite.write(root, TestSite.BASE);
        put("content/people/ann-map.png", png(3, 2));
        TestSite.Run run = TestSite.breakWith(root, """
                -- content/people/ann.md --
                ---
                name: Ann
                party: reds
                born: 1970-01-02
                ---
                ![A map](ann-maps.png)
                ![A file](notes.pdf)
                """);
        assertEquals("""
                content/people/ann.md:6:1: error: image 'ann-maps.png': there is no image file content/people/ann-maps.png;\
                 did you mean content/people/ann-map.png?
                content/people/ann.md:7:1: error: image 'notes.pdf': there is no image file content/people/notes.pdf; an image must\
                 be a PNG, JPEG, GIF, WebP or SVG file (.png, .jpg, .jpeg, .gif, .webp, .svg)""", errors(run));
    }

    @Test
    void aFileThatIsNotTheImageItClaimsToBeIsRefused() {
        TestSite.write(root, TestSite.BASE);
        TestSite.Run first = TestSite.build(root);
        assertEquals(0, first.exitCode(), first.err());
        Map<String, byte[]> before = TestSite.snapshot(root.resolve("site"));
        put("content/people/photo.png", jpeg(4, 4));
        put("content/people/notes.gif", "just some text".getBytes(StandardCharsets.UTF_8));
        byte[] whole = png(40, 40);
        put("content/people/cut.png", Arrays.copyOf(whole, whole.length - 20));
        put("content/people/bomb.png", pngHeader(100_000, 100_000));
        annSays("![A](photo.png)\n![B](notes.gif)\n![C](cut.png)\n![D](bomb.png)\n");
        TestSite.Run run = TestSite.build(root);
        assertEquals(1, run.exitCode());
        assertEquals("""
                content/people/ann.md:6:1: error: image 'photo.png': content/people/photo.png is not a PNG image: its bytes are a JPEG\
                 image; rename it to end in .jpg, or export it again as PNG
                content/people/ann.md:7:1: error: image 'notes.gif': content/people/notes.gif is not a GIF image: its bytes are not any\
                 image format (PNG, JPEG, GIF, WebP, SVG); export it again as GIF
                content/people/ann.md:8:1: error: image 'cut.png': content/people/cut.png is a damaged or incomplete PNG file (it may\
                 have been cut short while copied); export or copy it again
                content/people/ann.md:9:1: error: image 'bomb.png': content/people/bomb.png declares 100000 × 100000 pixels, over the\
                 limit of 20000 pixels a side and 50 million pixels in all for an image of a page; scale it down (a page rarely needs\
                 more than 2,000 pixels across)""", errors(run));
        TestSite.assertSameFiles(before, root.resolve("site"));
    }

    @Test
    void anSvgThatCouldRunCodeIsRefused() {
        TestSite.write(root, TestSite.BASE);
        TestSite.Run run = TestSite.breakWith(root, """
                -- content/people/a.svg --
                <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><script>alert(1)</script></svg>
                -- content/people/b.svg --
                <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4" onload="alert(1)"/>
                -- content/people/c.svg --
                <!DOCTYPE svg [<!ENTITY a "aaaa">]><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4">&a;</svg>
                -- content/people/d.svg --
                <svg xmlns="http://www.w3.org/2000/svg"><rect width="4" height="4"/></svg>
                -- content/people/ann.md --
                ---
                name: Ann
                party: reds
                born: 1970-01-02
                ---
                ![A](a.svg) ![B](b.svg) ![C](c.svg) ![D](d.svg)
                """);
        assertEquals("""
                content/people/ann.md:6:1: error: image 'a.svg': content/people/a.svg holds a <script> element, which could run code\
                 when the file is opened on its own; remove it (an image of a page needs none)
                content/people/ann.md:6:13: error: image 'b.svg': content/people/b.svg has an event handler (onload on <svg>), which\
                 could run code when the file is opened on its own; remove it
                content/people/ann.md:6:25: error: image 'c.svg': content/people/c.svg has a DOCTYPE, which an SVG image needs not and\
                 the build does not read; remove the <!DOCTYPE …> line
                content/people/ann.md:6:37: error: image 'd.svg': content/people/d.svg has no size: give its <svg> element a viewBox\
                 (such as viewBox="0 0 400 300"), or width and height in pixels""", errors(run));
    }

    @Test
    void anSvgThatSetsALinkByAnimationOrLoadsAStylesheetIsRefused() {
        TestSite.write(root, TestSite.BASE);
        TestSite.Run run = TestSite.breakWith(root, """
                -- content/people/a.svg --
                <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><a><set attributeName="href" to="javascript:alert(1)"/>\
                <rect width="4" height="4"/></a></svg>
                -- content/people/b.svg --
                <?xml version="1.0"?><?xml-stylesheet type="text/xsl" href="https://example.org/x.xsl"?>
                <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"/>
                -- content/people/ann.md --
                ---
                name: Ann
                party: reds
                born: 1970-01-02
                ---
                ![A](a.svg) ![B](b.svg)
                """);
        assertEquals("""
                content/people/ann.md:6:1: error: image 'a.svg': content/people/a.svg changes a link with <set attributeName="href">,\
                 which could lead to an address that runs code when the file is opened on its own; remove it
                content/people/ann.md:6:13: error: image 'b.svg': content/people/b.svg has an <?xml-stylesheet …?> line, which a\
                 browser opening the file on its own would fetch and could run as code; remove it (an SVG image styles itself with a\
                 <style> element)""", errors(run));
    }

    @Test
    void anSvgNestedDeeplyOrLinkingToScriptIsCheckedWithoutOverflowingTheStack() {
        TestSite.write(root, TestSite.BASE);
        String deep = "<g>".repeat(200_000) + "<a href=\"javascript:alert(1)\"/>" + "</g>".repeat(200_000);
        TestSite.write(root, "-- content/people/deep.svg --\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 4 4\">"
                + deep + "</svg>\n");
        annSays("![A](deep.svg)\n");
        TestSite.Run run = TestSite.build(root);
        assertEquals(1, run.exitCode(), run.err());
        assertEquals("content/people/ann.md:6:1: error: image 'deep.svg': content/people/deep.svg links to a 'javascript:' address"
                + " (on <a>), which could run code when the file is opened on its own; remove the link", errors(run));
    }

    @Test
    void anImagePathOutsideContentOrOnAnotherSiteIsAnError() throws IOException {
        TestSite.write(root, TestSite.BASE);
        Path outside = elsewhere.resolve("secret.png");
        Files.write(outside, png(2, 2));
        Files.createSymbolicLink(root.resolve("content/people/linked.png"), outside);
        annSays("""
                ![A](../../templates/logo.png)
                ![B](linked.png)
                ![C](https://example.org/c.png)
                ![D](/people/ann-map.png)
                ![E](javascript:alert(1))
                """);
        TestSite.Run run = TestSite.build(root);
        assertEquals(1, run.exitCode());
        assertEquals(("""
                content/people/ann.md:6:1: error: image '../../templates/logo.png' leads out of the content/ folder, and the build\
                 reads no image from outside it; copy the image beside this file and write its name
                content/people/ann.md:7:1: error: image 'linked.png': content/people/linked.png is a link to a file outside the site's\
                 folder (OUTSIDE), and the build reads nothing outside it; copy the file into the site's folder instead
                content/people/ann.md:8:1: error: image 'https://example.org/c.png' is on another site, so the build cannot read its\
                 size and readers' browsers would fetch it from there; save it beside this file and write its name, as in ![…](photo.jpg)
                content/people/ann.md:9:1: error: image '/people/ann-map.png': a path starting with '/' names a file of the media\
                 folder, and the site declares none; write the path relative to this file (as 'photo.jpg' for an image beside it),\
                 or declare 'media: media' in content/site.yaml
                content/people/ann.md:10:1: error: link scheme 'javascript:' is not allowed (only http, https, mailto and tel);\
                 remove the image
                content/people/linked.png:1:1: error: is a link to a file outside the site's folder (OUTSIDE), and the build reads\
                 nothing outside it; copy the file into the site's folder instead""").replace("OUTSIDE", outside.toRealPath().toString()),
                errors(run));
    }

    @Test
    void anUnusedBrokenImageIsAWarningAndIsNotPublished() {
        TestSite.write(root, TestSite.BASE);
        put("content/people/old.png", "not a picture".getBytes(StandardCharsets.UTF_8));
        TestSite.Run run = TestSite.build(root);
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("content/people/old.png:1:1: warning: is not a PNG image: its bytes are not any image format"
                + " (PNG, JPEG, GIF, WebP, SVG); export it again as PNG; it is not published"), run.err());
        assertFalse(TestSite.snapshot(root.resolve("site")).keySet().stream().anyMatch(path -> path.contains("old")));
    }

    @Test
    void anImageAtTheAddressOfAnAssetIsRefused() {
        TestSite.write(root, TestSite.BASE);
        put("templates/assets/logo.png", png(2, 2));
        put("content/assets/logo.png", png(3, 3));
        TestSite.edit(root, "content/site.yaml", "menu:", "media: assets\nmenu:");
        annSays("![Logo](/assets/logo.png)\n");
        TestSite.Run run = TestSite.build(root);
        assertEquals(1, run.exitCode());
        assertEquals("content/people/ann.md:6:1: error: image '/assets/logo.png': content/assets/logo.png has the same address,"
                + " /assets/logo.png, as templates/assets/logo.png; rename or move one of them", errors(run));
    }

    @Test
    void aMediaFolderThatIsMissingIsAnErrorAtTheKey() {
        TestSite.write(root, TestSite.BASE);
        TestSite.edit(root, "content/site.yaml", "menu:", "media: pictures\nmenu:");
        TestSite.Run run = TestSite.build(root);
        assertEquals(1, run.exitCode());
        assertEquals("content/site.yaml:4:8: error: 'media' folder content/pictures not found; create it, or remove 'media' from"
                + " the site config", errors(run));
    }

    @Test
    void aChangedImageRendersThePageThatShowsItAgainWithItsNewSize() throws IOException {
        TestSite.write(root, TestSite.BASE);
        put("content/people/ann-map.png", png(30, 20));
        annSays("![A map](ann-map.png)\n");
        SiteBuilder builder = SiteBuilder.forRebuilds();
        BuildResult first = builder.run(BuildOptions.check(root), ChangedFiles.exactly(Set.of()));
        assertEquals(List.of(), first.diagnostics());
        put("content/people/ann-map.png", png(60, 10));
        BuildResult second = builder.run(BuildOptions.check(root), ChangedFiles.exactly(Set.of("content/people/ann-map.png")));
        assertEquals(List.of(), second.diagnostics());
        assertTrue(second.rendered().contains("/people/ann/"), second.rendered().toString());
        String page = second.files().stream().filter(f -> f.path().equals("people/ann/index.html")).findFirst()
                .map(f -> new String(((OutputFile.Generated) f).bytes(), StandardCharsets.UTF_8)).orElseThrow();
        assertTrue(page.contains("width=\"60\" height=\"10\""), page);
        List<String> images = second.files().stream().map(OutputFile::path).filter(path -> path.endsWith(".png")).toList();
        assertEquals(1, images.size(), "only the new version is published: " + images);
    }
}
