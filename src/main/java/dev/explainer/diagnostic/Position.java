package dev.explainer.diagnostic;

/** A place in a source file: path relative to the source folder, 1-based line and column. */
public record Position(String path, int line, int column) {

    public Position {
        line = Math.max(1, line);
        column = Math.max(1, column);
    }

    /** The start of a file, for problems that concern the file as a whole. */
    public static Position startOf(String path) {
        return new Position(path, 1, 1);
    }

    @Override
    public String toString() {
        return path + ":" + line + ":" + column;
    }
}
