package io.throughline.knowledge.help;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import io.throughline.knowledge.KnowledgeBase;
import io.throughline.knowledge.KnowledgeSettings;
import io.throughline.knowledge.KnowledgeSources;
import io.throughline.knowledge.SharedEmbeddings;
import io.throughline.knowledge.TestDatabases;
import io.throughline.knowledge.TestDocuments;

/** A PDF or an FAQ sheet is shown as an article made from its sections, never as its raw bytes. */
class ConvertedArticlesTest {

    @TempDir
    Path dir;

    @Test
    void aPdfArticleHasItsTitleAndBookmarkedSectionsWithAnchors() throws Exception {
        Map<String, Integer> bookmarks = new LinkedHashMap<>();
        bookmarks.put("Descaling", 0);
        Files.write(dir.resolve("manual.pdf"), TestDocuments.pdf("Espresso *Machine* Manual", List.of(
                List.of("Descaling", "Use 1. citric acid <b>not</b> vinegar.")), bookmarks));
        Files.writeString(dir.resolve("faq.csv"), "question,answer\nDo you ship abroad?,# Yes to the EU.\n",
                StandardCharsets.UTF_8);

        Document manual = article("/help/manual.pdf");
        Document faq = article("/help/faq.csv");

        assertThat(manual.select("article h1").eachText()).containsExactly("Espresso *Machine* Manual");
        assertThat(manual.selectFirst("article h2#descaling").text()).isEqualTo("Descaling");
        assertThat(manual.select("article p").eachText()).containsExactly("Use 1. citric acid <b>not</b> vinegar.");
        assertThat(manual.select("article b, article em, article ol")).isEmpty();
        assertThat(faq.select("article h2").eachText()).containsExactly("Do you ship abroad?");
        assertThat(faq.select("article p").eachText()).containsExactly("# Yes to the EU.");
    }

    @Test
    void aCrawledPageLinksToItsOwnAddress() {
        assertThat(HelpPages.href("https://larkspur.example/help/shipping", "Delivery times"))
                .isEqualTo("https://larkspur.example/help/shipping");
        assertThat(HelpPages.href("shipping.md", "Delivery times")).isEqualTo("/help/shipping.md#Delivery%20times");
    }

    private Document article(String path) throws Exception {
        KnowledgeBase knowledgeBase = new KnowledgeBase(KnowledgeSettings.of(dir), SharedEmbeddings.get(),
                new KnowledgeSources(TestDatabases.freshH2()));
        knowledgeBase.ingest();
        MockMvc mvc = MockMvcBuilders.standaloneSetup(new HelpCentreController(knowledgeBase)).build();
        String html = mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return Jsoup.parse(html);
    }
}
