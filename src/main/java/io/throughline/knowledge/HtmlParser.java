package io.throughline.knowledge;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** HTML to sections: {@code <title>} (else the first {@code <h1>}) is the title, every heading opens a section. */
final class HtmlParser {

    private static final String BLOCKS = "h1, h2, h3, h4, h5, h6, p, li, pre, blockquote, td, th, dt, dd";

    ParsedDocument parse(String html, String fallbackTitle) {
        Document document = Jsoup.parse(html);
        SectionCollector collector = new SectionCollector();
        for (Element element : document.body().select(BLOCKS)) {
            if (insideAnotherBlock(element)) {
                continue;
            }
            if (element.tagName().matches("h[1-6]")) {
                collector.heading(element.text());
            } else {
                collector.paragraph(element.text());
            }
        }
        return new ParsedDocument(title(document, fallbackTitle), collector.sections());
    }

    private static boolean insideAnotherBlock(Element element) {
        return element.parents().stream().anyMatch(parent -> parent.is(BLOCKS));
    }

    private static String title(Document document, String fallbackTitle) {
        if (!document.title().isBlank()) {
            return document.title().strip();
        }
        Element h1 = document.selectFirst("h1");
        return h1 != null && !h1.text().isBlank() ? h1.text().strip() : fallbackTitle;
    }
}
