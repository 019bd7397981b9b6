package io.throughline.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/** The container refuses a part over spring.servlet.multipart.max-file-size before any controller runs: still JSON. */
class UploadTooLargeTest {

    @RestController
    static class Refusing {
        @PostMapping("/api/upload")
        void upload() {
            throw new MaxUploadSizeExceededException(20L * 1024 * 1024);
        }
    }

    @Test
    void aPartOverTheMultipartLimitIs413WithTheLimitAndTheField() throws Exception {
        MockMvc mvc = MockMvcBuilders.standaloneSetup(new Refusing()).setControllerAdvice(new ApiErrorHandler()).build();

        mvc.perform(post("/api/upload"))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.error").value("the upload is over the limit of 20 MB "
                        + "(setting throughline.knowledge.max-file-size)"))
                .andExpect(jsonPath("$.field").value("file"));
    }
}
