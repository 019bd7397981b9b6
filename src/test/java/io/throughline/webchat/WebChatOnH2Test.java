package io.throughline.webchat;

import org.springframework.boot.test.context.SpringBootTest;

/** The web-chat path on the embedded default, H2 (in memory here, so each run starts clean). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:webchat;DB_CLOSE_DELAY=-1",
        "throughline.demo-user=true"})
class WebChatOnH2Test extends WebChatJourneyTests {
}
