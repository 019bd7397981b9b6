package io.throughline.channel.email;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * An HTML mail as plain text, for mail that has no text/plain part. The quoted history is dropped where the mail
 * clients mark it: Gmail's gmail_quote, Apple Mail's and Thunderbird's blockquote, Outlook on the web's divRplyFwdMsg
 * and everything after its appendonsend marker. Outlook's desktop header block is left to {@link ReplyText}.
 */
final class HtmlText {

    private static final String QUOTED = "blockquote, div.gmail_quote, .gmail_signature, .moz-cite-prefix, "
            + ".moz-signature, #divRplyFwdMsg, #Signature, script, style, head";
    private static final Set<String> BLOCKS = Set.of("p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
            "table", "ul", "ol", "pre", "hr", "section", "article", "header", "footer", "blockquote");

    private HtmlText() {
    }

    static String toText(String html) {
        Document document = Jsoup.parse(html);
        document.select("#appendonsend").forEach(marker -> {
            marker.nextElementSiblings().remove();
            marker.remove();
        });
        document.select(QUOTED).remove();
        StringBuilder text = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode textNode) {
                    text.append(textNode.text());
                } else if (node instanceof Element element) {
                    if (element.normalName().equals("br")) {
                        text.append('\n');
                    } else if (BLOCKS.contains(element.normalName())) {
                        newLine(text);
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
                    newLine(text);
                }
            }
        }, document.body());
        return tidy(text.toString());
    }

    private static void newLine(StringBuilder text) {
        if (!text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
            text.append('\n');
        }
    }

    /** Lines trimmed, at most one blank line in a row. */
    private static String tidy(String text) {
        StringBuilder tidy = new StringBuilder();
        int blanks = 0;
        for (String line : text.replace('\u00a0', ' ').split("\n", -1)) {
            String trimmed = line.strip();
            blanks = trimmed.isEmpty() ? blanks + 1 : 0;
            if (blanks <= 1) {
                tidy.append(trimmed).append('\n');
            }
        }
        return tidy.toString().strip();
    }
}
