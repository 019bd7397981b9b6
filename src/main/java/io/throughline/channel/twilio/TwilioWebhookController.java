package io.throughline.channel.twilio;

import io.throughline.conversation.Accepted;
import io.throughline.conversation.DeliveryStatus;
import io.throughline.conversation.InboundMessage;
import io.throughline.conversation.InboundMessages;
import io.throughline.conversation.OutboundMessages;
import io.throughline.customer.ConsentKeyword;
import io.throughline.customer.Identity;
import io.throughline.customer.IdentityType;
import io.throughline.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Twilio's calls for the SMS channel: an incoming message, and the status callbacks of the messages we sent. Both are
 * form posts signed with X-Twilio-Signature over the public URL and the POST parameters.
 *
 * <p>The body is read here from the servlet's input stream, not as {@code @RequestBody}: for a form post without a
 * query string Spring rebuilds that body from the container's parameter map (re-encoded, query parameters mixed in when
 * there are any), and whatever reads the parameter map first leaves the stream empty. Twilio signs what it sent.
 */
@RestController
class TwilioWebhookController {

    private static final Logger log = LoggerFactory.getLogger(TwilioWebhookController.class);

    static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";
    static final String SIGNATURE_HEADER = "X-Twilio-Signature";
    private static final int MAX_BODY_BYTES = 64 * 1024; // a message is at most 1,600 characters plus Twilio's fields

    private final TwilioSettings settings;
    private final PublicUrlSettings publicUrl;
    private final InboundMessages inbound;
    private final OutboundMessages outbound;

    TwilioWebhookController(TwilioSettings settings, PublicUrlSettings publicUrl, InboundMessages inbound,
                            OutboundMessages outbound) {
        this.settings = settings;
        this.publicUrl = publicUrl;
        this.inbound = inbound;
        this.outbound = outbound;
    }

    /** An SMS to our number. The reply goes later, through the REST API, so the answer is empty TwiML. */
    @PostMapping(Sms.WEBHOOK_PATH)
    ResponseEntity<String> incoming(HttpServletRequest request) throws IOException {
        FormParameters form = verified(request);
        String messageSid = required(form, "MessageSid");
        Identity sender = phone(required(form, "From"));
        String text = text(form);
        if (text.isBlank()) {
            log.info("sms message {} from {} has neither text nor media; nothing to accept", messageSid,
                    Sms.mask(sender.value()));
            return emptyTwiml();
        }
        InboundMessage message = new InboundMessage(Sms.CHANNEL, messageSid, sender, null, text);
        // STOP, START and the like: Twilio answers them itself (and blocks our sends after STOP), so we only record
        Accepted accepted = ConsentKeyword.of(text).map(keyword -> inbound.acceptConsent(message, keyword))
                .orElseGet(() -> inbound.accept(message));
        if (accepted.duplicate()) {
            log.info("sms message {} came again (Twilio retried); it was accepted before", messageSid);
        }
        return emptyTwiml();
    }

    /** Twilio's report on a message we sent: sent, delivered, undelivered, failed, read. */
    @PostMapping(Sms.STATUS_PATH)
    ResponseEntity<Void> status(HttpServletRequest request) throws IOException {
        FormParameters form = verified(request);
        String messageSid = required(form, "MessageSid");
        String twilioStatus = required(form, "MessageStatus");
        Optional<DeliveryStatus> reported = deliveryStatus(twilioStatus);
        if (reported.isEmpty()) {
            log.debug("sms message {} is '{}' at Twilio; nothing to record", messageSid, twilioStatus);
        } else if (!outbound.applyDeliveryReport(Sms.CHANNEL, messageSid, reported.get())) {
            log.info("a status callback names sms message {}, which is none of ours (or not recorded as sent yet)",
                    messageSid);
        }
        return ResponseEntity.ok().build(); // 200 whatever it named: Twilio has nothing to do about it
    }

    /** The form, once the channel is on, the signature matches and the message is for our account. */
    private FormParameters verified(HttpServletRequest request) throws IOException {
        if (!settings.on()) {
            throw new ApiException(HttpStatus.NOT_FOUND,
                    "the sms channel is off: set " + String.join(" and ", settings.missing()), null);
        }
        byte[] body = rawBody(request);
        String signature = request.getHeader(SIGNATURE_HEADER);
        if (signature == null || signature.isBlank()) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, SIGNATURE_HEADER + " is missing: only Twilio, signing "
                    + "with the account's auth token, may call this webhook", SIGNATURE_HEADER);
        }
        String url = signedUrl(request);
        FormParameters form;
        try {
            form = FormParameters.parse(body);
        } catch (IllegalArgumentException notAForm) {
            throw badSignature(url);
        }
        if (!TwilioSignature.valid(settings.authToken(), url, form, signature)) {
            throw badSignature(url);
        }
        String accountSid = required(form, "AccountSid");
        if (!accountSid.equals(settings.accountSid())) {
            log.warn("refused a Twilio webhook for account {}: this channel is account {}", accountSid,
                    settings.accountSid());
            throw new ApiException(HttpStatus.FORBIDDEN, "AccountSid " + accountSid + " is not the account this "
                    + "channel serves (throughline.channels.twilio.account-sid)", "AccountSid");
        }
        return form;
    }

    /** The URL Twilio was configured to call, as it signed it: the public base, the path and the raw query string. */
    private String signedUrl(HttpServletRequest request) {
        String query = request.getQueryString();
        return publicUrl.of(request.getRequestURI()) + (query == null ? "" : "?" + query);
    }

    private ApiException badSignature(String url) {
        // the usual cause is a URL mismatch behind a proxy, so the log names the URL the signature was checked against
        log.warn("refused a Twilio webhook: its signature does not match {} (is throughline.public-base-url the base "
                + "of the URL configured in Twilio?)", url);
        return new ApiException(HttpStatus.UNAUTHORIZED, SIGNATURE_HEADER + " does not match the request: it must be "
                + "signed with the account's auth token over the URL Twilio called and the POST parameters",
                SIGNATURE_HEADER);
    }

    private static byte[] rawBody(HttpServletRequest request) throws IOException {
        byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "a Twilio webhook body is at most "
                    + MAX_BODY_BYTES / 1024 + " KB", null);
        }
        if (body.length == 0 && request.getContentLengthLong() > 0) {
            throw new IllegalStateException("the body of a Twilio webhook was consumed before its signature could be "
                    + "checked: something read the request parameters first");
        }
        return body;
    }

    private static String required(FormParameters form, String name) {
        return form.first(name).filter(value -> !value.isBlank()).orElseThrow(() -> new ApiException(
                HttpStatus.BAD_REQUEST, name + " is required in Twilio's form", name));
    }

    private static Identity phone(String from) {
        try {
            return new Identity(IdentityType.PHONE, from);
        } catch (IllegalArgumentException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "From must be a phone number in E.164 form, like "
                    + "+14155550100; short codes and alphanumeric senders cannot be answered", "From");
        }
    }

    /** The message's text, with a placeholder per attached media item so nothing the customer sent goes unseen. */
    private static String text(FormParameters form) {
        String body = form.first("Body").orElse("").strip();
        List<String> media = new ArrayList<>();
        int count = form.first("NumMedia").map(TwilioWebhookController::count).orElse(0);
        for (int i = 0; i < count; i++) {
            media.add(placeholder(form.first("MediaContentType" + i).orElse("")));
        }
        if (media.isEmpty()) {
            return body;
        }
        String placeholders = String.join(" ", media);
        return body.isEmpty() ? placeholders : body + "\n" + placeholders;
    }

    private static int count(String numMedia) {
        try {
            return Math.min(Math.max(Integer.parseInt(numMedia.strip()), 0), 10); // Twilio attaches at most 10
        } catch (NumberFormatException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "NumMedia must be a number", "NumMedia");
        }
    }

    private static String placeholder(String contentType) {
        String kind = contentType.contains("/") ? contentType.substring(0, contentType.indexOf('/')) : "";
        return switch (kind) {
            case "image" -> "[image]";
            case "video" -> "[video]";
            case "audio" -> "[audio]";
            default -> "[file]";
        };
    }

    /**
     * Twilio's MessageStatus as our delivery status; empty for the steps before the wire (queued, accepted, scheduled,
     * sending), which tell nothing new about a message we recorded as sent.
     */
    static Optional<DeliveryStatus> deliveryStatus(String twilioStatus) {
        return Optional.ofNullable(switch (twilioStatus) {
            case "sent" -> DeliveryStatus.SENT;
            case "delivered" -> DeliveryStatus.DELIVERED;
            case "read" -> DeliveryStatus.READ;
            case "undelivered", "failed", "canceled" -> DeliveryStatus.FAILED;
            default -> null;
        });
    }

    private static ResponseEntity<String> emptyTwiml() {
        return ResponseEntity.ok().contentType(MediaType.TEXT_XML).body(EMPTY_TWIML);
    }
}
