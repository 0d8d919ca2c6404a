package dev.explainer.load;

import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.diagnostic.DiagnosticCode;
import dev.explainer.diagnostic.Diagnostics;
import dev.explainer.diagnostic.Position;
import dev.explainer.text.SourceFile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The bytes of a source file, or why they cannot be had. A file is read up to a limit, and one
 * that grows past it while it is read is refused too: what the listing saw is not trusted.
 */
public record FileRead(Optional<byte[]> bytes, Optional<Diagnostic> problem) {


    /** Reads {@code file}, refusing it, at {@code path}, once it holds more than {@code limit} bytes. */
    static FileRead of(String path, Path file, long limit) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size > limit) {
                return refusedRead(path, size, limit);
            }
            ByteBuffer buffer = ByteBuffer.allocate((int) size);
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // until the size the file had when opened, or its end if it shrank
            }
            ByteBuffer probe = ByteBuffer.allocate(1);
            if (!buffer.hasRemaining() && channel.read(probe) < 0) {
                return new FileRead(Optional.of(buffer.array()), Optional.empty());
            }
            if (buffer.hasRemaining()) { // it shrank while being read
                return new FileRead(Optional.of(Arrays.copyOf(buffer.array(), buffer.position())), Optional.empty());
            }
            // It grew while being read: go on in steps, never holding more than the limit.
            ByteArrayOutputStream grown = new ByteArrayOutputStream((int) Math.min(limit, size * 2L + 1));
            grown.write(buffer.array(), 0, buffer.position());
            grown.write(probe.array(), 0, 1);
            ByteBuffer chunk = ByteBuffer.allocate(64 * 1024);
            int read;
            while ((read = channel.read(chunk.clear())) >= 0) {
                if (grown.size() + (long) read > limit) {
                    return refusedRead(path, -1, limit);
                }
                grown.write(chunk.array(), 0, read);
            }
            return new FileRead(Optional.of(grown.toByteArray()), Optional.empty());
        } catch (IOException e) {
            return new FileRead(Optional.empty(), Optional.of(Diagnostic.error(DiagnosticCode.READ, Position.startOf(path), "cannot read file: " + SourceTree.reason(e))));
        }
    }

    private static FileRead refusedRead(String path, long size, long limit) {
        return new FileRead(Optional.empty(), Optional.of(tooLarge(path, size, limit)));
    }

    /**
     * The bytes as the text of the source file at {@code path}: strict UTF-8, without the
     * characters no page may hold. Empty if they cannot be had or read so; {@code problems} says why.
     */
    Optional<SourceFile> text(String path, Diagnostics problems) {
        if (bytes.isEmpty()) {
            problem.ifPresent(problems::add);
            return Optional.empty();
        }
        SourceFile.Decoded decoded = SourceFile.decode(path, bytes.get());
        problems.addAll(decoded.errors());
        return decoded.file();
    }

    /** The error for a file over the limit; {@code size} -1 for one that grew past it while being read. */
    static Diagnostic tooLarge(String path, long size, long limit) {
        return Diagnostic.error(DiagnosticCode.SOURCE_FILE, Position.startOf(path), "is " + (size < 0 ? "" : describeSize(size) + ", ")
                + "over the limit of " + describeSize(limit) + " for a source file; split it into smaller files, or make it smaller");
    }

    private static String describeSize(long bytes) {
        if (bytes < 1024 * 1024) {
            return bytes + " bytes";
        }
        if (bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MiB";
        }
        String unit = bytes >= 1L << 30 ? "GiB" : "MiB";
        double scaled = bytes / (double) (unit.equals("GiB") ? 1L << 30 : 1L << 20);
        return String.format(Locale.ROOT, "%.1f %s (%d bytes)", scaled, unit, bytes);
    }
}
