package dev.explainer.diagnostic;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Words for a failed file operation, for a message to an editor: what the system said and where,
 * without Java's name for the exception (an {@code IOException}'s {@code toString()} starts with
 * its class name).
 */
public final class FileProblems {
    private FileProblems() {
    }

    /** What went wrong, as a phrase: "permission denied: site/index.html". */
    public static String describe(IOException e) {
        String what;
        if (e instanceof AccessDeniedException) {
            what = "permission denied";
        } else if (e instanceof NoSuchFileException) {
            what = "no such file or folder";
        } else if (e instanceof FileAlreadyExistsException) {
            what = "already exists";
        } else if (e instanceof DirectoryNotEmptyException) {
            what = "the folder is not empty";
        } else if (e instanceof NotDirectoryException) {
            what = "not a folder";
        } else if (e instanceof FileSystemException fs && fs.getReason() != null) {
            what = fs.getReason();
        } else {
            return e.getMessage() == null ? "the system refused the operation" : e.getMessage();
        }
        String file = e instanceof FileSystemException fs && fs.getFile() != null ? ": " + fs.getFile() : "";
        return what + file;
    }
}
