package io.throughline.knowledge.help;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import io.throughline.knowledge.KnowledgeBase;
import io.throughline.knowledge.KnowledgeSettings;
import io.throughline.knowledge.KnowledgeSources;
import io.throughline.knowledge.SharedEmbeddings;
import io.throughline.knowledge.TestDatabases;

/** Knowledge files are written by people, pasted from other sites, or planted: the help centre serves none of it as code. */
class UntrustedKnowledgeTest {

    @TempDir
    Path dir;

    private KnowledgeBase knowledgeBase;
    private MockMvc mvc;

    @BeforeEach
    void helpCentreOverTheTemporaryFolder() {
        knowledgeBase = new KnowledgeBase(KnowledgeSettings.of(dir), SharedEmbeddings.get(),
                new KnowledgeSources(TestDatabases.freshH2()));
        mvc = MockMvcBuilders.standaloneSetup(new HelpCentreController(knowledgeBase)).build();
    }

    @Test
    void markdownWithScriptsIsShownAsTextNotRun() throws Exception {
        write("evil.md", """
                # Evil <script>alert(1)</script>

                Before <script>alert(2)</script> after. <img src=x onerror=alert(3)>

                [click me](javascript:alert(4)) and [see returns](returns.md)

                <iframe src="https://example.com"></iframe>
                """);
        knowledgeBase.ingest();

        Document page = page("/help/evil.md");

        assertOnlyTheWidgetScripts(page);
        Element article = page.selectFirst("article");
        assertThat(article.select("img, iframe")).isEmpty();
        assertThat(article.text()).contains("Before <script>alert(2)</script> after.");
        assertThat(article.selectFirst("a:contains(click me)").attr("href")).isEmpty();
        assertThat(article.selectFirst("a:contains(see returns)").attr("href")).isEqualTo("returns.md");
        assertThat(page("/help").select(".articles a").eachText()).containsExactly("Evil <script>alert(1)</script>");
    }

    @Test
    void htmlIsCleanedToTheSafelist() throws Exception {
        write("evil.html", """
                <html><head><title>Evil page</title><script>alert(1)</script><style>body{display:none}</style></head>
                <body onload="alert(2)">
                <h1 onclick="alert(3)">Evil page</h1>
                <p>Kept <b>bold</b> text.<script>alert(4)</script></p>
                <a href="javascript:alert(5)">bad link</a> <a href="https://example.com/ok">good link</a>
                <img src="https://example.com/a.png" onerror="alert(6)"> <iframe src="https://example.com"></iframe>
                <svg><script>alert(7)</script></svg> <form action="/steal"><input name="card"></form>
                </body></html>
                """);
        knowledgeBase.ingest();

        Document page = page("/help/evil.html");

        assertOnlyTheWidgetScripts(page);
        Element article = page.selectFirst("article");
        assertThat(article.select("iframe, svg, form, input, style")).isEmpty();
        assertThat(article.selectFirst("b").text()).isEqualTo("bold");
        assertThat(article.selectFirst("a:contains(bad link)").hasAttr("href")).isFalse();
        assertThat(article.selectFirst("a:contains(good link)").attr("href")).isEqualTo("https://example.com/ok");
        assertThat(article.selectFirst("img").attr("src")).isEqualTo("https://example.com/a.png");
        assertThat(article.text()).doesNotContain("alert").doesNotContain("display:none");
        assertThat(article.select("h1").eachText()).containsExactly("Evil page");
    }

    @Test
    void anArticleInASubfolderWithASpaceInItsNameIsLinkedAndServed() throws Exception {
        write("guides/first steps.md", "# First steps\n\nUnpack the machine.\n\n## Rinse\n\nRun two empty shots.\n");
        knowledgeBase.ingest();

        String href = page("/help").selectFirst(".articles a").attr("href");
        assertThat(href).isEqualTo("/help/guides/first%20steps.md");
        Document article = page(href);
        assertThat(article.selectFirst("article h1").text()).isEqualTo("First steps");
        assertThat(article.getElementById("rinse")).isNotNull();
    }

    @Test
    void aRepeatedHeadingGetsItsOwnAnchor() throws Exception {
        write("faq.md", "# FAQ\n\n## Beans\n\n### Tips\n\nStore them dark.\n\n## Grinders\n\n### Tips\n\nClean the burrs.\n");
        knowledgeBase.ingest();

        assertThat(page("/help/faq.md").select("article h3").eachAttr("id")).containsExactly("tips", "tips-2");
    }

    @Test
    void anArticleDeletedSinceIngestionIsNotFound() throws Exception {
        write("gone.md", "# Gone\n\nSoon removed.\n");
        knowledgeBase.ingest();
        Files.delete(dir.resolve("gone.md"));

        MvcResult result = mvc.perform(get("/help/gone.md")).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(404);
    }

    private static void assertOnlyTheWidgetScripts(Document page) {
        assertThat(page.select("script").stream().map(script -> script.attr("src")))
                .containsExactly("/widget.js", "");
        assertThat(page.select("script:not([src])").first().data()).startsWith("document.addEventListener('click'");
        for (Element element : page.getAllElements()) {
            assertThat(element.attributes().asList()).extracting(Attribute::getKey).noneMatch(key -> key.startsWith("on"));
        }
        assertThat(page.select("[href^=javascript], [src^=javascript]")).isEmpty();
        assertThat(page.html()).doesNotContain("<script>alert");
    }

    private Document page(String uri) throws Exception {
        MvcResult result = mvc.perform(get(URI.create(uri))).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private void write(String path, String content) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
