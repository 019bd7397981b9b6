package io.throughline.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keyword and embedding retrieval each miss what the other finds; the fused ranking finds both. */
class HybridRetrievalTest {

    @TempDir
    static Path dir;

    private static KnowledgeBase knowledgeBase;

    @BeforeAll
    static void aSmallShop() throws IOException {
        Files.writeString(dir.resolve("orders.md"), """
                # Orders

                ## Where is my order

                When your order ships you get an email with a tracking link. Most parcels arrive within three days.

                ## Changing an order

                You can change the address or the items of an order for one hour after you placed it.
                """);
        Files.writeString(dir.resolve("notices.md"), """
                # Product notices

                ## Spare parts

                We keep these parts for every espresso machine we sell: the group head gasket (SKU-1234), shower screens, \
                18 g and 20 g portafilter baskets, steam wand tips, water tank lids, drip tray grids and descaling tablets.

                ## Older machines

                Machines bought before 2020 take the older parts: SKU1243 for the gasket and SKU1324 for the screen.
                """);
        Files.writeString(dir.resolve("payments.md"), """
                # Payments

                ## Double charges

                Seeing two identical amounts on your card statement? The second is a temporary authorisation that \
                your bank releases within a few days.

                ## Card types

                We take Visa, Mastercard and American Express. A charged card shows Larkspur Coffee on the statement.
                """);
        knowledgeBase = new KnowledgeBase(KnowledgeSettings.of(dir), SharedEmbeddings.get(),
                new KnowledgeSources(TestDatabases.freshH2()));
        knowledgeBase.ingest();
    }

    @Test
    void anOrderTermTheEmbeddingsDoNotKnowIsFoundByItsKeyword() {
        List<ExplainedPassage> found = knowledgeBase.explain("Do you have SKU-1234?", 5);

        ExplainedPassage notice = find(found, "Spare parts");
        assertThat(notice.vectorRank()).as("the embeddings alone rank it below another passage: %s", found).isGreaterThan(1);
        assertThat(notice.bm25Rank()).isEqualTo(1);
        assertThat(notice.rank()).as("%s", found).isEqualTo(1);
    }

    @Test
    void aParaphraseWithoutTheTextsWordsIsFoundByItsMeaning() {
        List<ExplainedPassage> found = knowledgeBase.explain("Why was I billed twice?", 5);

        ExplainedPassage doubleCharge = find(found, "Double charges");
        assertThat(doubleCharge.bm25Rank()).as("keywords alone do not find it: %s", found).isNull();
        assertThat(doubleCharge.vectorRank()).as("%s", found).isEqualTo(1);
        assertThat(doubleCharge.rank()).as("%s", found).isEqualTo(1);
    }

    @Test
    void aLongMessageOfManyDifferentWordsStillSearches() {
        var message = new StringBuilder("Why was I billed twice?");
        for (int i = 0; message.length() < 3_990; i++) {
            message.append(" ref").append(i); // ~500 different words: past Lucene's 1,024 clauses over three fields
        }

        List<ExplainedPassage> found = knowledgeBase.explain(message.toString(), 5);

        assertThat(found).extracting(hit -> hit.passage().section()).contains("Double charges");
    }

    private static ExplainedPassage find(List<ExplainedPassage> found, String section) {
        return found.stream().filter(hit -> section.equals(hit.passage().section())).findFirst()
                .orElseThrow(() -> new AssertionError(section + " not found in " + found));
    }
}
