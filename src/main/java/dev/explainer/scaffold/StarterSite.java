package dev.explainer.scaffold;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A new, minimal site for {@code init}: the files under {@code starter/} beside this class, listed
 * in {@code starter.files}, written byte for byte into a folder that is new or empty. Nothing that
 * exists is ever overwritten: every file is created with {@code CREATE_NEW}, and if one cannot be
 * written, what this run wrote is removed again, so a failed run leaves the folder as it was.
 */
public final class StarterSite {
    static final String FOLDER = "starter/";
    static final String LISTING = "starter.files";
    private static final int NAMES_SHOWN = 3;

    /** What {@link #create} did, or why it did nothing. */
    public sealed interface Outcome {
        /** @param files the paths written, relative to the folder, with {@code /} */
        record Created(List<String> files) implements Outcome {
        }

        /** The folder named cannot take a new site; nothing was written. */
        record Refused(String reason) implements Outcome {
        }

        /** Writing failed part-way (a full disk, a folder made read-only meanwhile); what was written is gone again. */
        record Failed(String reason) implements Outcome {
        }
    }

    /** The paths of the starter's files, relative to the new site's folder, in the order written. */
    public static List<String> files() {
        try (InputStream in = resource(LISTING)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(line -> !line.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("the jar's " + LISTING + " cannot be read", e);
        }
    }

    /** The bytes of one starter file, exactly as {@link #create} writes them. */
    public static byte[] bytes(String file) {
        try (InputStream in = resource(FOLDER + file)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("the jar's " + FOLDER + file + " cannot be read", e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = StarterSite.class.getResourceAsStream(name);
        if (in == null) {
            throw new NoSuchFileException(name); // only a broken jar lacks it: a bug, not the user's doing
        }
        return in;
    }

    /**
     * Writes the starter into {@code folder}, creating it (and the folders above it) if missing.
     *
     * @param shown how to name the folder in messages: as the user typed it
     */
    public Outcome create(Path folder, String shown) throws IOException {
        Optional<String> refusal = refusal(folder, shown);
        if (refusal.isPresent()) {
            return new Outcome.Refused(refusal.get());
        }
        List<Path> made = new ArrayList<>(); // what this run created, to remove if it cannot finish
        try {
            createFolders(folder, made);
        } catch (IOException e) {
            undo(made);
            return new Outcome.Refused("cannot create the folder '" + shown + "': " + reason(e));
        }
        List<String> files = files();
        for (String file : files) {
            Path target = folder.resolve(file);
            try {
                createFolders(target.getParent(), made);
                Files.write(target, bytes(file), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                made.add(target);
            } catch (IOException e) {
                undo(made);
                return new Outcome.Failed("cannot write " + shown + "/" + file + ": " + reason(e)
                        + "; nothing was left behind");
            }
        }
        return new Outcome.Created(files);
    }

    private static Optional<String> refusal(Path folder, String shown) throws IOException {
        if (!Files.exists(folder)) {
            if (Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.of("'" + shown + "' is a link to something that does not exist; name a new or empty folder");
            }
            return Optional.empty();
        }
        if (!Files.isDirectory(folder)) {
            return Optional.of("'" + shown + "' is a file, not a folder; name a new or empty folder");
        }
        TreeSet<String> names = new TreeSet<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(folder)) {
            children.forEach(child -> names.add(child.getFileName().toString()));
        } catch (IOException e) {
            return Optional.of("cannot read the folder '" + shown + "': " + reason(e));
        }
        if (names.isEmpty()) {
            return Optional.empty();
        }
        List<String> first = names.stream().limit(NAMES_SHOWN).toList();
        String holds = String.join(", ", first) + (names.size() > NAMES_SHOWN ? " and " + (names.size() - NAMES_SHOWN) + " more" : "");
        return Optional.of("the folder '" + shown + "' is not empty (it holds " + holds
                + "); name a new or empty folder, as init never overwrites anything");
    }

    /** Creates {@code folder} and the folders above it that are missing, recording each in {@code made}. */
    private static void createFolders(Path folder, List<Path> made) throws IOException {
        List<Path> missing = new ArrayList<>();
        for (Path at = folder.toAbsolutePath(); at != null && !Files.isDirectory(at); at = at.getParent()) {
            if (Files.exists(at, LinkOption.NOFOLLOW_LINKS)) {
                throw new FileSystemException(at.toString(), null, "'" + at + "' is a file, not a folder");
            }
            missing.add(0, at);
        }
        for (Path at : missing) {
            Files.createDirectory(at);
            made.add(at);
        }
    }

    /** Removes, newest first, the files and folders this run created; what it cannot remove stays. */
    private static void undo(List<Path> made) {
        for (int i = made.size() - 1; i >= 0; i--) {
            try {
                Files.deleteIfExists(made.get(i));
            } catch (IOException e) {
                // A folder someone put a file into meanwhile is theirs now: it stays.
            }
        }
    }

    /** Why an operation on a file failed, in words, without the name of a Java exception. */
    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException denied) {
            return "permission denied" + (denied.getFile() == null ? "" : " at '" + denied.getFile() + "'");
        }
        if (e instanceof FileSystemException system && system.getReason() != null) {
            return system.getReason();
        }
        if (e instanceof FileSystemException system) {
            return "the file system refused it at '" + system.getFile() + "'";
        }
        return e.getMessage() == null ? "an input/output error" : e.getMessage();
    }
}
