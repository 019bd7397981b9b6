package io.throughline.knowledge.help;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;

/**
 * One help-centre page in the demo shop's look: its header, a search band, a {@code <main>} to fill, its footer, and
 * the chat widget (closed). Built with jsoup's DOM, so every text and attribute set on it is escaped on output.
 */
final class HelpPage {

    /** Longer queries are cut: the search box is open to anyone and every query is embedded. */
    static final int MAX_QUERY_CHARS = 200;

    private static final String CSS = resource("help.css");
    private static final String LOGO = "<svg viewBox=\"0 0 32 32\" aria-hidden=\"true\"><ellipse cx=\"16\" cy=\"16\" rx=\"10\" "
            + "ry=\"13\" fill=\"#6b3e26\" transform=\"rotate(30 16 16)\"/><path d=\"M11 6c6 6 4 14 10 20\" stroke=\"#e9d8c4\" "
            + "stroke-width=\"2\" fill=\"none\"/></svg>";
    private static final String FAVICON = "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E"
            + "%3Cellipse cx='16' cy='16' rx='10' ry='13' fill='%236b3e26' transform='rotate(30 16 16)'/%3E%3Cpath "
            + "d='M11 6c6 6 4 14 10 20' stroke='%23e9d8c4' stroke-width='2' fill='none'/%3E%3C/svg%3E";
    // buttons marked data-open-chat open the widget; without script the widget's own launcher still works
    static final String OPEN_CHAT = "document.addEventListener('click', function (e) {"
            + " if (e.target.closest('[data-open-chat]') && window.Throughline) { window.Throughline.open(); } });";

    private final Document document = new Document("");
    private final Element main;

    HelpPage(String title, String query) {
        document.appendChild(new DocumentType("html", "", ""));
        Element html = document.appendElement("html").attr("lang", "en");
        Element head = html.appendElement("head");
        head.appendElement("meta").attr("charset", "utf-8");
        head.appendElement("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1");
        head.appendElement("title").text(title + " — Larkspur Coffee Co. help centre");
        head.appendElement("link").attr("rel", "icon").attr("href", FAVICON);
        head.appendElement("style").appendChild(new DataNode(CSS));
        Element body = html.appendElement("body");
        header(body);
        searchBand(body, query);
        main = body.appendElement("main").appendElement("div").addClass("wrap narrow");
        footer(body);
        body.appendElement("script").attr("src", "/widget.js").attr("defer", true);
        body.appendElement("script").appendChild(new DataNode(OPEN_CHAT));
    }

    Element main() {
        return main;
    }

    /** The invitation to ask a person or the bot, for when the articles did not help. */
    void askInTheChat(String heading, String text) {
        Element ask = main.appendElement("section").addClass("ask");
        ask.appendElement("h2").text(heading);
        ask.appendElement("p").text(text);
        ask.appendElement("button").attr("type", "button").attr("data-open-chat", true).addClass("cta")
                .text("Ask us in the chat");
    }

    String html() {
        return document.outerHtml();
    }

    private static void header(Element body) {
        Element wrap = body.appendElement("header").addClass("site-header").appendElement("div").addClass("wrap");
        Element brand = wrap.appendElement("a").addClass("brand").attr("href", "/")
                .attr("aria-label", "Larkspur Coffee Co. home");
        brand.append(LOGO).appendText("Larkspur Coffee Co.");
        Element nav = wrap.appendElement("nav").addClass("nav").attr("aria-label", "Main");
        nav.appendElement("a").attr("href", "/#shop").text("Shop");
        nav.appendElement("a").attr("href", "/#subscriptions").text("Subscriptions");
        nav.appendElement("a").attr("href", "/#barista-sessions").text("Barista sessions");
        nav.appendElement("a").attr("href", "/help").attr("aria-current", "page").text("Help centre");
    }

    private static void searchBand(Element body, String query) {
        Element wrap = body.appendElement("div").addClass("search-band").attr("role", "search")
                .appendElement("div").addClass("wrap narrow");
        wrap.appendElement("p").addClass("label").attr("aria-hidden", "true").text("How can we help?");
        Element form = wrap.appendElement("form").attr("method", "get").attr("action", "/help");
        Element input = form.appendElement("input").attr("type", "search").attr("name", "q")
                .attr("aria-label", "Search the help centre").attr("placeholder", "Search, e.g. how long does shipping take")
                .attr("maxlength", String.valueOf(MAX_QUERY_CHARS));
        if (query != null) {
            input.attr("value", query);
        }
        form.appendElement("button").attr("type", "submit").addClass("cta").text("Search");
    }

    private static void footer(Element body) {
        Element wrap = body.appendElement("footer").appendElement("div").addClass("wrap");
        wrap.appendElement("span").text("© Larkspur Coffee Co., Koffiestraat 12, Utrecht — a fictional shop for the Throughline demo.");
        wrap.appendElement("span").text("Powered by Throughline, open-source customer journeys.");
    }

    private static String resource(String name) {
        try (InputStream in = HelpPage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + name + " next to " + HelpPage.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
