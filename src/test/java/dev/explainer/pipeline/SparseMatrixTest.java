package dev.explainer.pipeline;

import dev.explainer.testing.TestSite;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A matrix declared {@code complete: false} builds with pairs left without an entry, which its
 * templates see as missing; a repeated pair or a cell naming no entry stays an error, and a
 * matrix declared the short way is still complete.
 */
class SparseMatrixTest {
    /** Two topics, and only the Reds' stance on tax: three of the four pairs have no entry. */
    private static final String SPARSE = """
            -- content/topics.yaml --
            - id: tax
              name: Tax
            - id: trade
              name: Trade
            -- content/stances.yaml --
            - id: reds-tax
              party: reds
              topic: tax
              text: Lower.
            -- templates/party.ftlh --
            <#import "layout.ftlh" as l><@l.frame title=entry.name><h1>${entry.name}</h1>
            <ul id="members"><#list entry.referrers.people![] as p><li><a href="${p.href}">${p.name}</a></li></#list></ul>
            <#list collections.topics as t><p class="stance">${t.name}: <#if (matrices.stances[entry.id][t.id])??>${matrices.stances[entry.id][t.id].text}<#else>no entry</#if></p></#list>
            </@l.frame>
            """;

    @TempDir
    Path root;

    private void writeSparse() {
        TestSite.write(root, TestSite.BASE);
        TestSite.edit(root, "content/site.yaml", "matrix: [party, topic]", "matrix: {fields: [party, topic], complete: false}");
        TestSite.write(root, SPARSE);
    }

    private List<String> stances(String party) {
        Document page = TestSite.html(root.resolve("site/parties/" + party + "/index.html"));
        return page.select(".stance").stream().map(Element::text).toList();
    }

    @Test
    void aSparseMatrixBuildsWithMissingPairsThatTemplatesSeeAsMissing() {
        writeSparse();
        TestSite.Run run = TestSite.build(root);
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(List.of("Tax: Lower.", "Trade: no entry"), stances("reds"), "a row with one cell of two");
        assertEquals(List.of("Tax: no entry", "Trade: no entry"), stances("blues"), "a row without any cell");
    }

    @Test
    void aSparseMatrixStillRefusesASecondEntryForAPair() {
        writeSparse();
        TestSite.Run run = TestSite.breakWith(root, """
                -- content/stances.yaml --
                - id: reds-tax
                  party: reds
                  topic: tax
                  text: Lower.
                - id: reds-tax-again
                  party: reds
                  topic: tax
                  text: Much lower.
                """);
        assertTrue(run.err().contains("content/stances.yaml:5:7: error: a second entry for party 'reds' and topic 'tax'"
                + " (the first is reds-tax at content/stances.yaml:1:7); keep one"), run.err());
    }

    @Test
    void aSparseMatrixStillRefusesACellOfAnEntryThatDoesNotExist() {
        writeSparse();
        TestSite.Run run = TestSite.breakWith(root, """
                -- content/stances.yaml --
                - id: reds-tax
                  party: reds
                  topic: taxes
                  text: Lower.
                """);
        assertTrue(run.err().startsWith("content/stances.yaml:3:10: error: unknown topics id 'taxes' in 'topic'; did you mean 'tax'?\n"),
                run.err());
        assertTrue(run.err().endsWith("\n1 error, 2 warnings\n"), run.err());
    }

    @Test
    void aMatrixDeclaredTheShortWayStillNeedsEveryPair() {
        assertNeedsEveryPair("matrix: [party, topic]");
    }

    @Test
    void aMatrixDeclaredCompleteNeedsEveryPair() {
        assertNeedsEveryPair("matrix: {fields: [party, topic], complete: true}");
    }

    private void assertNeedsEveryPair(String setting) {
        TestSite.write(root, TestSite.BASE);
        TestSite.edit(root, "content/site.yaml", "matrix: [party, topic]", setting);
        TestSite.Run run = TestSite.breakWith(root, SPARSE);
        String missing = "content/stances.yaml:1:1: error: collection 'stances' has no entry for party '%s' and topic '%s';"
                + " every pair needs one, even where the sources say nothing (declare that in the entry)\n";
        assertEquals(missing.formatted("blues", "tax") + missing.formatted("blues", "trade") + missing.formatted("reds", "trade")
                + "content/topics.yaml:3:7: warning: nothing refers to topics entry 'trade'; cite it, or remove it\n"
                + "3 errors, 1 warning\n", run.err());
    }
}
