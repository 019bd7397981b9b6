package io.throughline.knowledge.help;

import java.util.HashSet;
import java.util.Set;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;

import io.throughline.knowledge.Source;

/**
 * A knowledge file as HTML that is safe to serve: Markdown is rendered with its raw HTML escaped and unsafe link
 * targets dropped, HTML is reduced to a safelist (no scripts, styles, event handlers or {@code javascript:} links),
 * and both then pass the same safelist. Every heading gets an {@link Anchors anchor}.
 */
final class ArticleRenderer {

    // lets the cleaner keep relative links, so one article can link to another (returns.md next to shipping.md)
    private static final String BASE = "https://help.invalid/";

    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer markdown = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
    private final Safelist safelist = Safelist.relaxed().preserveRelativeLinks(true);

    /** The article's body; it opens with the title as {@code <h1>} when the file has no {@code <h1>} of its own. */
    Element render(Source source, String text) {
        // a whole HTML page: only its body is content (its <title> would otherwise survive as stray text)
        String html = source.isHtml() ? Jsoup.parse(text).body().html() : markdown.render(parser.parse(text));
        Element body = new Element("div").addClass("article-body");
        body.append(Jsoup.clean(html, BASE, safelist));
        if (body.selectFirst("h1") == null) {
            body.prependElement("h1").text(source.title());
        }
        anchorHeadings(body);
        return body;
    }

    private static void anchorHeadings(Element body) {
        Set<String> taken = new HashSet<>();
        for (Element heading : body.select("h1, h2, h3, h4, h5, h6")) {
            String anchor = Anchors.of(heading.text());
            // a repeated heading keeps the first anchor for itself; search results link to the first
            String id = anchor;
            for (int n = 2; !taken.add(id); n++) {
                id = anchor + "-" + n;
            }
            heading.id(id);
        }
    }
}
