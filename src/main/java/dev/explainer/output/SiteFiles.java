package dev.explainer.output;

import dev.explainer.load.Asset;
import dev.explainer.render.GeneratedFile;
import dev.explainer.render.RenderedPage;
import dev.explainer.render.SiteRenderer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** The files of a built site, in the order they are listed: the rendered pages, the generated files, the assets. */
public final class SiteFiles {
    private SiteFiles() {
    }

    public static List<OutputFile> of(SiteRenderer.Result rendered, Collection<Asset> assets) {
        List<OutputFile> files = new ArrayList<>(rendered.pages().size() + rendered.generated().size() + assets.size());
        for (RenderedPage page : rendered.pages()) {
            files.add(new OutputFile.Generated(page.page().outputFile(), page.html()));
        }
        for (GeneratedFile file : rendered.generated()) {
            files.add(new OutputFile.Generated(file.path(), file.bytes()));
        }
        for (Asset asset : assets) {
            files.add(asset.published().<OutputFile>map(bytes -> new OutputFile.Generated(asset.outputPath(), bytes))
                    .orElseGet(() -> new OutputFile.Copied(asset.outputPath(), asset.source())));
        }
        return Collections.unmodifiableList(files);
    }
}
