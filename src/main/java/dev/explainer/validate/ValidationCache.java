package dev.explainer.validate;

import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.text.SourceFile;
import dev.explainer.validate.SchemaCompiler.CompiledSchema;

import java.util.List;
import java.util.Map;

/**
 * What one validation hands the next, so that a rebuild checks again only what changed. Nothing
 * in it is changed once made; a run makes a new one.
 *
 * <p>Reuse is decided by value. A compiled schema is reused while its file's path and text are
 * equal. An entry's result is reused while the entry is equal to the one it was made from (a
 * {@link dev.explainer.load.RawEntry} is a record of plain values: collection, id, positions, every field with its
 * position, the body's text and place) and its collection's schema is the same file as before:
 * a check depends on nothing else, so equal inputs give the result kept. The id checks and the
 * order entries are checked in depend only on each entry's collection, id and position: while
 * those are alike, entry for entry, they stand too.
 */
public final class ValidationCache {
    private static final ValidationCache EMPTY = new ValidationCache(Map.of(), new int[0], List.of(), List.of());

    /** Compiled schemas by their file's path below {@code content/}, as the config names it. */
    private final Map<String, CompiledSchema> schemas;
    /** For each entry, in the order the loader gave them, where its result is in {@link #results}. */
    private final int[] resultOf;
    /** What the id rules found. */
    private final List<Diagnostic> idProblems;
    /** Every entry's result, in the order they are checked and handed on: by file and position. */
    private final List<CheckedEntry> results;

    /**
     * One entry's result.
     *
     * @param schema the schema file it was checked against (null if its collection had none):
     *               with the entry itself, what the result depends on
     */
    record CheckedEntry(ValidEntry entry, SourceFile schema, List<Diagnostic> problems) {
    }

    ValidationCache(Map<String, CompiledSchema> schemas, int[] resultOf, List<Diagnostic> idProblems, List<CheckedEntry> results) {
        this.schemas = Map.copyOf(schemas);
        this.resultOf = resultOf;
        this.idProblems = List.copyOf(idProblems);
        this.results = List.copyOf(results);
    }

    /** Nothing to reuse: what a one-off build starts from. */
    public static ValidationCache empty() {
        return EMPTY;
    }

    Map<String, CompiledSchema> schemas() {
        return schemas;
    }

    /** For each entry, in the order the loader gave them, where its result is in {@link #results()}; never written to. */
    int[] resultOf() {
        return resultOf;
    }

    List<Diagnostic> idProblems() {
        return idProblems;
    }

    List<CheckedEntry> results() {
        return results;
    }
}
