package dev.explainer.serve;

import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.diagnostic.Position;
import dev.explainer.load.SourceTree;
import dev.explainer.text.SourceFile;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The source line each problem points at, for the overlay: each file read once however many
 * problems it has, by the build's own rules (never outside the site's folder, never a named pipe
 * or a file too big); empty where it cannot be read.
 */
final class SourceLines {
    private SourceLines() {
    }

    static List<Snapshot.Problem> of(Path sourceDir, List<Diagnostic> diagnostics) {
        Optional<SourceTree> tree = SourceTree.of(sourceDir);
        Map<String, List<String>> linesByFile = new HashMap<>();
        return diagnostics.stream().map(diagnostic -> {
            List<String> lines = linesByFile.computeIfAbsent(diagnostic.path(), path -> linesOf(tree, path));
            return new Snapshot.Problem(diagnostic, diagnostic.line() <= lines.size() ? lines.get(diagnostic.line() - 1) : "");
        }).toList();
    }

    private static List<String> linesOf(Optional<SourceTree> tree, String path) {
        SourceTree.Entry entry = tree.map(t -> t.find(path, Position.startOf(path))).orElse(null);
        if (entry == null || entry.kind() != SourceTree.Kind.FILE) {
            return List.of();
        }
        Optional<SourceFile> file = tree.get().read(entry).bytes()
                .flatMap(bytes -> SourceFile.decode(path, bytes).file()); // not UTF-8: the diagnostic says so
        return file.map(f -> f.text().lines().toList()).orElse(List.of());
    }
}
