package io.throughline.channel.twilio;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The parameters of an {@code application/x-www-form-urlencoded} body, decoded from the raw bytes in the order they
 * came. Never the servlet's parameter map: that one mixes in the query string's parameters, which Twilio signs as
 * part of the URL and not as POST parameters.
 */
record FormParameters(List<Parameter> all) {

    record Parameter(String name, String value) {}

    FormParameters {
        all = List.copyOf(all);
    }

    /** Decodes the body as UTF-8; a malformed escape is an IllegalArgumentException naming it. */
    static FormParameters parse(byte[] body) {
        List<Parameter> parameters = new ArrayList<>();
        String form = new String(body, StandardCharsets.US_ASCII); // an encoded form is ASCII; escapes carry the UTF-8
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            parameters.add(new Parameter(decode(name), decode(value)));
        }
        return new FormParameters(parameters);
    }

    Optional<String> first(String name) {
        return all.stream().filter(p -> p.name().equals(name)).map(Parameter::value).findFirst();
    }

    /**
     * Twilio's signing order: by name, case-sensitively (Java's String order is the code-point order Twilio's
     * libraries use for these ASCII names); a name given twice contributes each value, in value order.
     */
    List<Parameter> sortedForSigning() {
        return all.stream().sorted(Comparator.comparing(Parameter::name).thenComparing(Parameter::value)).toList();
    }

    private static String decode(String encoded) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the form body has a malformed %-escape in '" + encoded + "'", e);
        }
    }
}
