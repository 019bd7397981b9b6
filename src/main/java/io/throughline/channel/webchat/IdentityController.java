package io.throughline.channel.webchat;

import io.throughline.channel.identity.CodeNotSentException;
import io.throughline.channel.identity.OneTimeCodes;
import io.throughline.customer.Identity;
import io.throughline.customer.IdentityLinks;
import io.throughline.customer.IdentityProofs;
import io.throughline.customer.IdentityType;
import io.throughline.customer.Linked;
import io.throughline.customer.Proof;
import io.throughline.web.ApiException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A visitor proving who they are elsewhere: an email address or phone number by a one-time code sent there, or an
 * email address the business's own site signed. Once proven, the visitor and that address are one customer, and
 * their conversation continues on whichever channel they use next. A claim without proof links nothing.
 */
@RestController
@RequestMapping(path = "/api/webchat/{visitorId}", consumes = MediaType.APPLICATION_JSON_VALUE)
class IdentityController {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern CODE = Pattern.compile("[0-9]{6}");
    /** The longest email address SMTP allows; phone numbers and signatures are far shorter. */
    private static final int MAX_FIELD_LENGTH = 254;

    private final OneTimeCodes codes;
    private final IdentityProofs proofs;
    private final IdentityLinks links;
    private final SignedIdentity signed;
    private final WebChatStreams streams;

    IdentityController(OneTimeCodes codes, IdentityProofs proofs, IdentityLinks links, SignedIdentity signed,
                       WebChatStreams streams) {
        this.codes = codes;
        this.proofs = proofs;
        this.links = links;
        this.signed = signed;
        this.streams = streams;
    }

    record ProofRequest(String type, String value) {}

    record ProofStarted(String proofId, String sentVia) {}

    record CodeAttempt(String code) {}

    record WrongCode(String error, String field, int attemptsLeft) {}

    record SignedIdentityRequest(String email, String userId, String userHash) {}

    record LinkedResponse(String customerId, String identity, boolean verified, boolean merged) {}

    @PostMapping("/identity-proofs")
    ResponseEntity<ProofStarted> startProof(@PathVariable String visitorId, @RequestBody ProofRequest body) {
        Identity visitor = Identity.visitor(WebChat.requireVisitorId(visitorId));
        Identity claimed = claimed(body);
        try {
            OneTimeCodes.Sent sent = codes.send(visitor, claimed);
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(new ProofStarted(sent.proofId().toString(), sent.via()));
        } catch (CodeNotSentException e) {
            throw new ApiException(e.configuration() ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.BAD_GATEWAY,
                    e.getMessage(), e.configuration() ? "type" : null);
        }
    }

    @PostMapping("/identity-proofs/{proofId}")
    ResponseEntity<?> checkCode(@PathVariable String visitorId, @PathVariable UUID proofId, @RequestBody CodeAttempt body) {
        Identity visitor = Identity.visitor(WebChat.requireVisitorId(visitorId));
        requireShort("code", body.code());
        String code = body.code() == null ? "" : body.code().strip();
        if (!CODE.matcher(code).matches()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "code is the 6 digits we sent; this did not count as an attempt",
                    "code");
        }
        IdentityProofs.Check check = proofs.check(proofId, visitor, code);
        if (check instanceof IdentityProofs.Check.Proven proven) {
            return ResponseEntity.ok(linked(visitor, proven.linked()));
        }
        if (check instanceof IdentityProofs.Check.WrongCode wrong) {
            return ResponseEntity.badRequest().body(new WrongCode("that is not the code we sent; " + wrong.attemptsLeft()
                    + (wrong.attemptsLeft() == 1 ? " attempt" : " attempts") + " left", "code", wrong.attemptsLeft()));
        }
        if (check instanceof IdentityProofs.Check.Gone gone) {
            throw new ApiException(HttpStatus.GONE, gone.why() + ": ask for a new code", "proofId");
        }
        throw new ApiException(HttpStatus.NOT_FOUND, "no proof " + proofId + " for this visitor: ask for a code first",
                "proofId");
    }

    @PostMapping("/identity")
    LinkedResponse signedIdentity(@PathVariable String visitorId, @RequestBody SignedIdentityRequest body) {
        Identity visitor = Identity.visitor(WebChat.requireVisitorId(visitorId));
        requireShort("email", body.email());
        requireShort("userId", body.userId());
        requireShort("userHash", body.userHash());
        if (!signed.on()) {
            throw new ApiException(HttpStatus.NOT_FOUND, "signed identity is off: the business has not set "
                    + "throughline.channels.webchat.identity-secret", null);
        }
        if (body.userId() != null) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "a signed userId is not supported: sign the user's email "
                    + "address and send it as email", "userId");
        }
        if (body.email() == null || !EMAIL.matcher(body.email().strip()).matches()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "email is required: the signed-in user's email address",
                    "email");
        }
        if (!signed.signs(body.email(), body.userHash())) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "userHash is not the site's signature of this email: "
                    + "hex(HMAC-SHA256(identity secret, email)), computed on the site's server", "userHash");
        }
        return linked(visitor, links.link(visitor, new Identity(IdentityType.EMAIL, body.email()), Proof.SIGNED_IDENTITY));
    }

    private LinkedResponse linked(Identity visitor, Linked linked) {
        streams.customerKnown(visitor.value(), linked.customerId());
        return new LinkedResponse(linked.customerId().toString(), linked.identity().toString(), true, linked.merged());
    }

    private static void requireShort(String field, String value) {
        if (value != null && value.length() > MAX_FIELD_LENGTH) {
            throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, field + " is " + value.length() + " characters; at most "
                    + MAX_FIELD_LENGTH + " are taken", field);
        }
    }

    private static Identity claimed(ProofRequest body) {
        requireShort("type", body.type());
        requireShort("value", body.value());
        IdentityType type = switch (body.type() == null ? "" : body.type()) {
            case "phone" -> IdentityType.PHONE;
            case "email" -> IdentityType.EMAIL;
            default -> throw new ApiException(HttpStatus.BAD_REQUEST, "type must be phone or email", "type");
        };
        String value = body.value() == null ? "" : body.value().strip();
        if (type == IdentityType.EMAIL && !EMAIL.matcher(value).matches()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "value must be an email address, like ann@example.com", "value");
        }
        try {
            return new Identity(type, value);
        } catch (IllegalArgumentException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "value: " + e.getMessage(), "value");
        }
    }
}
