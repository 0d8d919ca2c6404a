package dev.explainer.load;

import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.diagnostic.Diagnostics;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The names assets are published under. A stylesheet or script gets a hash of its content in its
 * name ({@code assets/style.3f9a0c1d2e.css}), so that a server may let browsers keep it for a
 * year and a changed file still reaches every reader at once; any other asset keeps its name.
 * A stylesheet is published without its comments ({@link CssComments}), and its name has the
 * hash of those bytes.
 */
final class HashedAssetNames {
    /** Hex digits of the SHA-256 kept in a name: enough that two versions of one file never share one. */
    private static final int HASH_LENGTH = 10;

    private HashedAssetNames() {
    }

    /** The asset at {@code path} (below {@code templates/}), named {@code name} in the site. */
    static Asset asset(SourceTree tree, String path, String name, Diagnostics problems) {
        Path source = tree.root().resolve(path);
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1);
        if (!(extension.equals("css") || extension.equals("js"))) {
            return new Asset(source, name, name);
        }
        FileRead read = tree.read(path);
        if (read.bytes().isEmpty()) {
            read.problem().ifPresent(problems::add);
            return new Asset(source, name, name);
        }
        String origin = SourceLayout.TEMPLATES + "/" + name;
        Optional<byte[]> published = extension.equals("css")
                ? Optional.of(CssComments.strip(origin, read.bytes().get(), problems)) : Optional.empty();
        String hash = HexFormat.of().formatHex(sha256(published.orElse(read.bytes().get()))).substring(0, HASH_LENGTH);
        return new Asset(source, name, name.substring(0, dot) + "." + hash + "." + extension, origin, published);
    }

    /**
     * The image at {@code path} (below the source folder, in {@code content/}), read and inspected:
     * published under its path below {@code content/} with a hash of its bytes in the name, as
     * stylesheets are, so that it too can be cached for a year.
     */
    static ImageFile image(SourceTree tree, String path) {
        FileRead read = tree.read(path);
        if (read.bytes().isEmpty()) {
            String reason = read.problem().map(Diagnostic::message).orElse("cannot be read");
            return new ImageFile(path, "", 0, 0, Optional.of(reason));
        }
        byte[] bytes = read.bytes().get();
        ImageInspector.Inspection inspection = ImageInspector.inspect(path, bytes);
        if (inspection.problem().isPresent()) {
            return new ImageFile(path, "", 0, 0, inspection.problem());
        }
        String name = path.substring(SourceLayout.CONTENT.length() + 1);
        int dot = name.lastIndexOf('.');
        String hash = HexFormat.of().formatHex(sha256(bytes)).substring(0, HASH_LENGTH);
        return new ImageFile(path, name.substring(0, dot) + "." + hash + name.substring(dot), inspection.width(), inspection.height(),
                Optional.empty());
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
