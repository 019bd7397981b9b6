package io.throughline.knowledge.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import io.throughline.knowledge.TestDatabases;

class KnowledgeSearchControllerTest {

    private static MockMvc mvc;

    @BeforeAll
    static void controllerOverTheDemoKnowledge() {
        mvc = MockMvcBuilders.standaloneSetup(new KnowledgeSearchController(TestDatabases.demoKnowledgeBase())).build();
    }

    @Test
    void listsPassagesWithScoresBestFirst() throws Exception {
        mvc.perform(get("/api/knowledge/search").param("q", "How do I reset my password?"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(5))
                .andExpect(jsonPath("$[0].source").value("account-and-password.md"))
                .andExpect(jsonPath("$[0].title").value("Account and Password"))
                .andExpect(jsonPath("$[0].section").value("Reset your password"))
                .andExpect(jsonPath("$[0].text").value(Matchers.containsString("Forgot password?")))
                .andExpect(jsonPath("$[0].score").value(Matchers.greaterThan(0.5)));
    }

    @Test
    void showsTheKeywordAndEmbeddingRanksBehindEachPassage() throws Exception {
        mvc.perform(get("/api/knowledge/search").param("q", "How do I reset my password?").param("limit", "3"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].rank").value(Matchers.contains(1, 2, 3)))
                .andExpect(jsonPath("$[0].fused").value(Matchers.greaterThan(0.03), Double.class))
                .andExpect(jsonPath("$[0].bm25.rank").value(1))
                .andExpect(jsonPath("$[0].bm25.score").value(Matchers.greaterThan(1.0), Double.class))
                .andExpect(jsonPath("$[0].vector.rank").value(1))
                .andExpect(jsonPath("$[0].vector.score")
                        .value(Matchers.both(Matchers.greaterThan(0.3)).and(Matchers.lessThan(1.0)), Double.class));
    }

    @Test
    void aPassageWithNoneOfTheQuerysWordsHasNoBm25Side() throws Exception {
        mvc.perform(get("/api/knowledge/search").param("q", "zzyzx qwertyuiop").param("limit", "1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].bm25").value(Matchers.nullValue()))
                .andExpect(jsonPath("$[0].vector.rank").value(1));
    }

    @Test
    void rejectsAMissingQuery() throws Exception {
        mvc.perform(get("/api/knowledge/search")).andExpect(status().isBadRequest());
    }
}
