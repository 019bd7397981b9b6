package io.throughline.channel;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.throughline.support.Api;
import io.throughline.support.ProviderStub;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One application for every channel test (one Spring context, started once): every channel is on, with the secrets
 * below, and every provider's API base URL points at one local {@link ProviderStub}, under a path per provider
 * ({@code /whatsapp}, {@code /telegram}, ...). Mail goes through a real GreenMail SMTP and IMAP server. Subclasses add
 * nothing to the context, or they would start a second one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:channels;DB_CLOSE_DELAY=-1",
        "throughline.demo-user=true",
        // the security tests give each client its own address with X-Forwarded-For (Tomcat trusts it from 127.0.0.1)
        "server.forward-headers-strategy=native"})
public abstract class ChannelTestBase {

    @org.springframework.beans.factory.annotation.Autowired
    private org.camunda.bpm.engine.ProcessEngine thisContextsEngine;

    /** Tasklist and /engine-rest serve the engine registered last; make it this context's (see DefaultEngine). */
    @org.junit.jupiter.api.BeforeEach
    void serveThisContextsEngine() {
        io.throughline.support.DefaultEngine.use(thisContextsEngine);
    }


    public static final String PUBLIC_BASE_URL = "https://support.example.com";

    public static final String WHATSAPP_APP_SECRET = "whatsapp-app-secret";
    public static final String WHATSAPP_VERIFY_TOKEN = "whatsapp-verify-token";
    public static final String WHATSAPP_ACCESS_TOKEN = "whatsapp-access-token";
    public static final String WHATSAPP_PHONE_NUMBER_ID = "106540352242922";
    public static final String TELEGRAM_BOT_TOKEN = "123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11";
    public static final String TELEGRAM_SECRET_TOKEN = "telegram-secret-token";
    public static final String TWILIO_ACCOUNT_SID = "AC00000000000000000000000000000001";
    public static final String TWILIO_AUTH_TOKEN = "twilio-auth-token";
    public static final String TWILIO_FROM_NUMBER = "+15005550006";
    public static final String MESSENGER_APP_SECRET = "messenger-app-secret";
    public static final String MESSENGER_VERIFY_TOKEN = "messenger-verify-token";
    public static final String MESSENGER_PAGE_ACCESS_TOKEN = "messenger-page-access-token";
    public static final String SLACK_SIGNING_SECRET = "slack-signing-secret";
    public static final String SLACK_BOT_TOKEN = "xoxb-slack-bot-token";
    public static final String SUPPORT_MAILBOX = "support@larkspur.example";
    public static final String SUPPORT_MAILBOX_PASSWORD = "mailbox-password";
    public static final String WEBCHAT_IDENTITY_SECRET = "webchat-identity-secret";

    /** A server-to-server key in the configuration (only its SHA-256 is), with the role SUPERVISOR. */
    public static final String SUPERVISOR_API_KEY = "tlk_crm-sync-test-key-5b1c0f8e2d";

    /** An OIDC issuer on a local port; JWT bearer login is on against it. */
    protected static final io.throughline.support.LocalIssuer ISSUER = new io.throughline.support.LocalIssuer();

    /** The providers' send APIs, one server for the whole run. */
    protected static final ProviderStub PROVIDERS = new ProviderStub();
    /** A real SMTP and IMAP server: the business's mailbox lives here. */
    protected static final GreenMail MAIL = startMail();

    @LocalServerPort
    protected int port;

    protected Api api;

    @BeforeEach
    void connectToTheApp() {
        api = new Api("http://127.0.0.1:" + port);
    }

    @DynamicPropertySource
    static void channels(DynamicPropertyRegistry settings) {
        settings.add("throughline.public-base-url", () -> PUBLIC_BASE_URL);
        String stub = PROVIDERS.url();

        settings.add("throughline.channels.whatsapp.app-secret", () -> WHATSAPP_APP_SECRET);
        settings.add("throughline.channels.whatsapp.verify-token", () -> WHATSAPP_VERIFY_TOKEN);
        settings.add("throughline.channels.whatsapp.access-token", () -> WHATSAPP_ACCESS_TOKEN);
        settings.add("throughline.channels.whatsapp.phone-number-id", () -> WHATSAPP_PHONE_NUMBER_ID);
        settings.add("throughline.channels.whatsapp.api-base-url", () -> stub + "/whatsapp");
        settings.add("throughline.channels.whatsapp.template-name", () -> "support_follow_up");
        settings.add("throughline.channels.whatsapp.template-language", () -> "en_US");

        settings.add("throughline.channels.telegram.bot-token", () -> TELEGRAM_BOT_TOKEN);
        settings.add("throughline.channels.telegram.secret-token", () -> TELEGRAM_SECRET_TOKEN);
        settings.add("throughline.channels.telegram.api-base-url", () -> stub + "/telegram");

        settings.add("throughline.channels.twilio.account-sid", () -> TWILIO_ACCOUNT_SID);
        settings.add("throughline.channels.twilio.auth-token", () -> TWILIO_AUTH_TOKEN);
        settings.add("throughline.channels.twilio.from-number", () -> TWILIO_FROM_NUMBER);
        settings.add("throughline.channels.twilio.api-base-url", () -> stub + "/twilio");

        settings.add("throughline.channels.messenger.app-secret", () -> MESSENGER_APP_SECRET);
        settings.add("throughline.channels.messenger.verify-token", () -> MESSENGER_VERIFY_TOKEN);
        settings.add("throughline.channels.messenger.page-access-token", () -> MESSENGER_PAGE_ACCESS_TOKEN);
        settings.add("throughline.channels.messenger.api-base-url", () -> stub + "/messenger");

        settings.add("throughline.channels.slack.signing-secret", () -> SLACK_SIGNING_SECRET);
        settings.add("throughline.channels.slack.bot-token", () -> SLACK_BOT_TOKEN);
        settings.add("throughline.channels.slack.api-base-url", () -> stub + "/slack");

        settings.add("spring.mail.host", () -> "127.0.0.1");
        settings.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
        settings.add("spring.mail.username", () -> SUPPORT_MAILBOX);
        settings.add("spring.mail.password", () -> SUPPORT_MAILBOX_PASSWORD);
        settings.add("throughline.channels.email.from-address", () -> SUPPORT_MAILBOX);
        settings.add("throughline.channels.email.imap.host", () -> "127.0.0.1");
        settings.add("throughline.channels.email.imap.port", () -> MAIL.getImap().getPort());
        settings.add("throughline.channels.email.imap.username", () -> SUPPORT_MAILBOX);
        settings.add("throughline.channels.email.imap.password", () -> SUPPORT_MAILBOX_PASSWORD);
        settings.add("throughline.channels.email.imap.folder", () -> "INBOX");
        settings.add("throughline.channels.email.imap.ssl", () -> "false");
    }

    /** The secret the business's site signs its signed-in user's email with, for the widget's signed identity. */
    @DynamicPropertySource
    static void webChatIdentity(DynamicPropertyRegistry settings) {
        settings.add("throughline.channels.webchat.identity-secret", () -> WEBCHAT_IDENTITY_SECRET);
    }

    @DynamicPropertySource
    static void security(DynamicPropertyRegistry settings) {
        settings.add("throughline.security.oidc.issuer-uri", ISSUER::url);
        settings.add("throughline.security.api-keys[0].name", () -> "crm-sync");
        settings.add("throughline.security.api-keys[0].key-hash", () -> sha256Hex(SUPERVISOR_API_KEY));
        settings.add("throughline.security.api-keys[0].roles", () -> "SUPERVISOR");
    }

    public static String sha256Hex(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static GreenMail startMail() {
        var mail = new GreenMail(ServerSetup.dynamicPort(ServerSetup.SMTP_IMAP));
        mail.setUser(SUPPORT_MAILBOX, SUPPORT_MAILBOX, SUPPORT_MAILBOX_PASSWORD);
        mail.start();
        return mail;
    }
}
