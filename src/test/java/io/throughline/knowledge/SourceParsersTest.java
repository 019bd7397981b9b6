package io.throughline.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SourceParsersTest {

    private final DocumentParser parser = new DocumentParser();

    @Test
    void pdfWithoutOutlineHasOneSectionPerPageAndItsTitleProperty() throws Exception {
        byte[] pdf = TestDocuments.pdf("Espresso Machine Manual", List.of(
                List.of("Fill the tank with fresh water.", "Switch the machine on."),
                List.of("Descale every two months.")), Map.of());

        ParsedDocument document = parser.parse(Path.of("manual.pdf"), pdf);

        assertThat(document.title()).isEqualTo("Espresso Machine Manual");
        assertThat(document.sections()).containsExactly(
                new Chunk("Page 1", "Fill the tank with fresh water. Switch the machine on."),
                new Chunk("Page 2", "Descale every two months."));
    }

    @Test
    void pdfWithOutlineIsCutAtTheBookmarkedHeadingsEvenMidPage() throws Exception {
        Map<String, Integer> bookmarks = new LinkedHashMap<>();
        bookmarks.put("Setup", 0);
        bookmarks.put("Cleaning", 0);
        bookmarks.put("Warranty", 1);
        byte[] pdf = TestDocuments.pdf(null, List.of(
                List.of("Setup", "Fill the tank with fresh water.", "Cleaning", "Rinse the portafilter daily."),
                List.of("The warranty lasts two years.")), bookmarks);

        ParsedDocument document = parser.parse(Path.of("grinder-guide.pdf"), pdf);

        assertThat(document.title()).isEqualTo("grinder-guide");
        assertThat(document.sections()).containsExactly(
                new Chunk("Setup", "Fill the tank with fresh water."),
                new Chunk("Cleaning", "Rinse the portafilter daily."),
                new Chunk("Warranty", "The warranty lasts two years."));
    }

    @Test
    void docxHeadingStylesOpenSectionsAndTablesBecomeRows() throws Exception {
        byte[] docx = TestDocuments.docx(List.of(
                new String[] {"Title", "Barista Sessions"},
                new String[] {null, "Learn to pull a shot."},
                new String[] {"Heading1", "Booking"},
                new String[] {null, "Book online up to a day before."},
                new String[] {"Heading2", "Prices"}),
                List.of(List.of("Session", "Price"), List.of("Basics", "45 EUR")));

        ParsedDocument document = parser.parse(Path.of("sessions.docx"), docx);

        assertThat(document.title()).isEqualTo("Barista Sessions");
        assertThat(document.sections()).containsExactly(
                new Chunk("Barista Sessions", "Learn to pull a shot."),
                new Chunk("Booking", "Book online up to a day before."),
                new Chunk("Prices", "Session | Price\n\nBasics | 45 EUR"));
    }

    @Test
    void csvFaqRowsAreSectionsHeadedByTheirQuestionWithColumnsFoundInAnyCase() throws Exception {
        String csv = "\uFEFFId,Q,A\n1,Do you ship abroad?,\"Yes, to all EU countries.\"\n2,,no question\n"
                + "3,Can I pay by invoice?,Only for wholesale.\n";

        ParsedDocument document = parser.parse(Path.of("faq.csv"), csv.getBytes(StandardCharsets.UTF_8));

        assertThat(document.title()).isEqualTo("faq");
        assertThat(document.sections()).containsExactly(
                new Chunk("Do you ship abroad?", "Yes, to all EU countries."),
                new Chunk("Can I pay by invoice?", "Only for wholesale."));
    }

    @Test
    void csvWithoutQuestionAndAnswerColumnsIsRejectedNamingItsHeader() {
        byte[] csv = "text,intent\nwhere is my order,shipping\n".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> parser.parse(Path.of("intents.csv"), csv))
                .isInstanceOf(RejectedSource.class)
                .hasMessageContaining("question/answer or q/a").hasMessageContaining("[text, intent]");
    }

    @Test
    void xlsxFaqSheetsAreReadAndOtherSheetsSkipped() throws Exception {
        Map<String, List<List<String>>> sheets = new LinkedHashMap<>();
        sheets.put("Notes", List.of(List.of("Owner", "Updated"), List.of("Sam", "2026-01-01")));
        sheets.put("FAQ", List.of(List.of("QUESTION", "Answer"), List.of("How long are gift cards valid?", "Two years.")));
        byte[] xlsx = TestDocuments.xlsx(sheets);

        ParsedDocument document = parser.parse(Path.of("gift-faq.xlsx"), xlsx);

        assertThat(document.sections()).containsExactly(new Chunk("How long are gift cards valid?", "Two years."));
    }

    @Test
    void xlsxWithoutAnFaqSheetIsRejected() throws Exception {
        byte[] xlsx = TestDocuments.xlsx(Map.of("Sheet1", List.of(List.of("Name", "Email"))));

        assertThatThrownBy(() -> parser.parse(Path.of("contacts.xlsx"), xlsx))
                .isInstanceOf(RejectedSource.class).hasMessageContaining("Sheet1: [Name, Email]");
    }

    @Test
    void plainTextParagraphsAreSeparatedByBlankLinesAndWrappedLinesJoined() throws Exception {
        byte[] text = "Our roastery is open\non Saturdays.\n\n\nTours start at 10.\r\n".getBytes(StandardCharsets.UTF_8);

        ParsedDocument document = parser.parse(Path.of("roastery.txt"), text);

        assertThat(document.title()).isEqualTo("roastery");
        assertThat(document.sections()).containsExactly(new Chunk(null, "Our roastery is open on Saturdays.\n\nTours start at 10."));
    }

    @Test
    void faqStyleMarkdownKeepsEachQuestionWithItsWholeAnswerAsOneChunk() throws Exception {
        String markdown = """
                # FAQ

                ## How do I descale my machine?

                Use our descaler once every two months.

                - Fill the tank with the solution
                - Run it through the steam wand

                ## Can I return opened coffee?

                No, only unopened bags.
                """;

        ParsedDocument document = parser.parse(Path.of("faq.md"), markdown.getBytes(StandardCharsets.UTF_8));
        List<Chunk> chunks = new Chunker(800).chunk(document.sections());

        assertThat(chunks).containsExactly(
                new Chunk("How do I descale my machine?", "Use our descaler once every two months.\n\n"
                        + "- Fill the tank with the solution\n- Run it through the steam wand"),
                new Chunk("Can I return opened coffee?", "No, only unopened bags."));
    }

    @Test
    void aDamagedOrMislabelledBinaryFileIsRejectedNamingTheFormat() {
        byte[] notAPdf = "%PDF-1.7\nthis is not really a PDF".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> parser.parse(Path.of("broken.pdf"), notAPdf))
                .isInstanceOf(RejectedSource.class).hasMessageStartingWith("cannot be read as PDF");
        assertThatThrownBy(() -> parser.parse(Path.of("broken.docx"), notAPdf))
                .isInstanceOf(RejectedSource.class).hasMessageStartingWith("cannot be read as DOCX");
        assertThatThrownBy(() -> parser.parse(Path.of("broken.xlsx"), notAPdf))
                .isInstanceOf(RejectedSource.class).hasMessageStartingWith("cannot be read as XLSX");
        assertThatThrownBy(() -> parser.parse(Path.of("logo.png"), notAPdf))
                .isInstanceOf(RejectedSource.class).hasMessageContaining("unsupported file type");
    }
}
