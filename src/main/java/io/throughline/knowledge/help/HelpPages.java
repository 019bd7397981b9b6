package io.throughline.knowledge.help;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Element;
import org.springframework.web.util.UriUtils;

import io.throughline.knowledge.Passage;
import io.throughline.knowledge.Source;

/** The help centre's pages: every article, search results grouped by article, one article, and not found. */
final class HelpPages {

    private static final int TEASER_CHARS = 200;
    private static final int SNIPPET_CHARS = 240;

    private final ArticleRenderer renderer = new ArticleRenderer();

    String index(List<Source> sources) {
        HelpPage page = new HelpPage("Help centre", null);
        Element main = page.main();
        main.appendElement("h1").text("Help centre");
        main.appendElement("p").addClass("lead")
                .text("Everything our chat knows, to read at your own pace: " + sources.size() + " articles.");
        Element list = main.appendElement("ul").addClass("articles");
        for (Source source : sources) {
            Element item = list.appendElement("li");
            item.appendElement("a").attr("href", href(source.path(), null)).text(source.title());
            if (source.opening() != null) {
                item.appendElement("p").addClass("teaser").text(firstSentence(source.opening()));
            }
        }
        page.askInTheChat("Can't find it?", "Ask us in the chat: the bot answers from these articles, and a person takes "
                + "over when it can't.");
        return page.html();
    }

    /** Passages best first; an article is listed where its best passage ranks, with its matching sections under it. */
    String results(String query, List<Passage> passages) {
        HelpPage page = new HelpPage("Search: " + query, query);
        Element main = page.main();
        main.appendElement("p").addClass("crumbs").appendElement("a").attr("href", "/help").text("All articles");
        main.appendElement("h1").text("Results for “" + query + "”");
        if (passages.isEmpty()) {
            main.appendElement("p").addClass("lead").text("No article matches your search. Try other words, or ask us.");
            page.askInTheChat("Ask us instead", "Write your question in the chat and we'll answer it there.");
            return page.html();
        }
        Map<String, List<Passage>> byArticle = new LinkedHashMap<>();
        passages.forEach(passage -> byArticle.computeIfAbsent(passage.source(), path -> new ArrayList<>()).add(passage));
        Element list = main.appendElement("ol").addClass("results");
        byArticle.forEach((path, found) -> {
            Element result = list.appendElement("li").addClass("result");
            result.appendElement("h2").appendElement("a").attr("href", href(path, null)).text(found.get(0).title());
            Element sections = result.appendElement("ul");
            for (Passage passage : found) {
                Element item = sections.appendElement("li");
                item.appendElement("a").addClass("section")
                        .attr("href", href(path, passage.section() == null ? null : Anchors.of(passage.section())))
                        .text(passage.section() == null ? passage.title() : passage.section());
                item.appendElement("p").addClass("snippet").text(shorten(passage.text(), SNIPPET_CHARS));
            }
        });
        page.askInTheChat("Not what you were looking for?", "Ask us in the chat and we'll answer your question there.");
        return page.html();
    }

    String article(Source source, String text) {
        HelpPage page = new HelpPage(source.title(), null);
        Element main = page.main();
        main.appendElement("p").addClass("crumbs").appendElement("a").attr("href", "/help").text("Help centre");
        main.appendElement("article").appendChild(renderer.render(source, text));
        page.askInTheChat("Still have a question?", "Ask us in the chat: we're happy to help.");
        return page.html();
    }

    String notFound() {
        HelpPage page = new HelpPage("Not found", null);
        Element main = page.main();
        main.appendElement("h1").text("We couldn't find that page");
        Element lead = main.appendElement("p").addClass("lead")
                .text("The article may have moved or been removed. Search above, or browse ");
        lead.appendElement("a").attr("href", "/help").text("all articles");
        lead.appendText(".");
        page.askInTheChat("Or ask us", "Write your question in the chat and we'll answer it there.");
        return page.html();
    }

    /**
     * The article's address: each path segment encoded, so a file name with spaces or {@code #} still links; a crawled
     * page's own URL.
     */
    static String href(String path, String anchor) {
        if (path.startsWith("http://") || path.startsWith("https://")) {
            // a crawled page: the page itself, whose own anchors are not ours to guess
            return path;
        }
        StringBuilder href = new StringBuilder("/help");
        for (String segment : path.split("/")) {
            href.append('/').append(UriUtils.encodePathSegment(segment, StandardCharsets.UTF_8));
        }
        return anchor == null ? href.toString() : href + "#" + UriUtils.encodeFragment(anchor, StandardCharsets.UTF_8);
    }

    static String firstSentence(String text) {
        // a sentence ends before a capital, so "Larkspur Coffee Co. supplies cafés" stays whole
        String[] sentences = text.strip().split("(?<=[.!?])\\s+(?=\\p{Lu})", 2);
        return shorten(sentences[0], TEASER_CHARS);
    }

    /** Whitespace collapsed, cut at a word boundary with an ellipsis when longer than {@code max}. */
    static String shorten(String text, int max) {
        String flat = text.strip().replaceAll("\\s+", " ");
        if (flat.length() <= max) {
            return flat;
        }
        int cut = flat.lastIndexOf(' ', max - 1);
        return flat.substring(0, cut > max / 2 ? cut : max - 1) + "…";
    }
}
