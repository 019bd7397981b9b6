package io.throughline.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class DocumentParserTest {

    private final DocumentParser parser = new DocumentParser();

    @Test
    void markdownTitleIsTheFirstLevelOneHeadingSectionsFollowHeadingsAndWrappedLinesAreJoined() {
        ParsedDocument document = parser.parse(Path.of("plans.md"), """
                # Pricing and Plans

                Intro text.

                ## Plans

                - **Basic** costs 19 EUR
                - **VIP** costs 59 EUR and
                  includes training

                ## Discounts

                Students get 10% off
                with a valid card.
                """);

        assertThat(document.title()).isEqualTo("Pricing and Plans");
        assertThat(document.sections()).extracting(Chunk::section).containsExactly("Pricing and Plans", "Plans", "Discounts");
        assertThat(document.sections().get(1).text()).isEqualTo("- Basic costs 19 EUR\n- VIP costs 59 EUR and includes training");
        assertThat(document.sections().get(2).text()).isEqualTo("Students get 10% off with a valid card.");
    }

    @Test
    void htmlTitleComesFromTheTitleElementAndNestedBlocksAreNotRepeated() {
        ParsedDocument document = parser.parse(Path.of("about.html"), """
                <html><head><title>About</title></head><body>
                <h1>About Larkspur</h1><h2>Story</h2><p>Founded in 2016.</p>
                <ul><li><p>Wind power</p></li></ul><script>var x = 1;</script>
                </body></html>""");

        assertThat(document.title()).isEqualTo("About");
        assertThat(document.sections()).containsExactly(new Chunk("Story", "Founded in 2016.\n\nWind power"));
    }

    @Test
    void fileNameIsTheTitleWhenThereIsNoHeading() {
        assertThat(parser.parse(Path.of("faq.md"), "Just text.").title()).isEqualTo("faq");
        assertThat(parser.parse(Path.of("faq.html"), "<p>Just text.</p>").title()).isEqualTo("faq");
    }
}
