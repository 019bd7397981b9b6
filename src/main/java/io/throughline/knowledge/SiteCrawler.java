package io.throughline.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.jsoup.Connection;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Fetches the HTML pages of one site, breadth first from a start URL: links to the same scheme, host and port only, up to
 * a depth and a page count, never where its robots.txt disallows. Every request has a total time limit (connect and the
 * whole body) and a size limit, redirects are followed by hand within the site with a loop check, and the whole crawl has
 * a deadline: a slow, failing or looping site ends in a report, never a hang.
 */
final class SiteCrawler {

    static final String AGENT = "ThroughlineBot/1.0 (+https://github.com/throughline)";
    private static final int MAX_REDIRECTS = 5;

    /**
     * @param maxDepth  link hops from the start page (0: the start page only)
     * @param maxPages  pages fetched at most, the start page included
     * @param timeout   per request, connect and body together
     * @param maxBytes  a larger page is read only this far
     * @param deadline  the whole crawl; what is not fetched by then is left out
     */
    record Limits(int maxDepth, int maxPages, Duration timeout, long maxBytes, Duration deadline) {
    }

    record Page(String url, String html) {
    }

    record Result(List<Page> pages, List<IngestFailure> failures) {
    }

    private final Limits limits;
    private final Clock clock;

    SiteCrawler(Limits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    Result crawl(URI start) {
        URI origin = normalized(start).orElseThrow(() -> new IllegalArgumentException(
                "url must be an absolute http or https address, was " + start));
        Instant deadline = clock.instant().plus(limits.deadline());
        RobotsRules robots = robots(origin);
        List<Page> pages = new ArrayList<>();
        List<IngestFailure> failures = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Deque<Hop> queue = new ArrayDeque<>();
        queue.add(new Hop(origin, 0));
        seen.add(origin.toString());
        while (!queue.isEmpty() && pages.size() < limits.maxPages()) {
            if (clock.instant().isAfter(deadline)) {
                failures.add(new IngestFailure(origin.toString(), "the crawl stopped after " + limits.deadline().toSeconds()
                        + " s with " + queue.size() + " pages not fetched"));
                break;
            }
            Hop hop = queue.poll();
            if (!robots.allows(pathAndQuery(hop.url()))) {
                failures.add(new IngestFailure(hop.url().toString(), "disallowed by robots.txt"));
                continue;
            }
            try {
                Fetched fetched = fetch(hop.url(), origin, seen);
                if (fetched == null) {
                    continue;
                }
                pages.add(new Page(fetched.url().toString(), fetched.document().outerHtml()));
                if (hop.depth() < limits.maxDepth()) {
                    for (URI link : links(fetched.document(), origin)) {
                        if (seen.add(link.toString())) {
                            queue.add(new Hop(link, hop.depth() + 1));
                        }
                    }
                }
            } catch (Skipped e) {
                failures.add(new IngestFailure(hop.url().toString(), e.getMessage()));
            }
        }
        return new Result(List.copyOf(pages), List.copyOf(failures));
    }

    private record Hop(URI url, int depth) {
    }

    private record Fetched(URI url, Document document) {
    }

    private static final class Skipped extends Exception {
        Skipped(String reason) {
            super(reason);
        }
    }

    /** The page at the end of its redirects, or null when they lead to a page already taken or off the site. */
    private Fetched fetch(URI url, URI origin, Set<String> seen) throws Skipped {
        Set<String> chain = new LinkedHashSet<>();
        URI current = url;
        for (int hops = 0; hops <= MAX_REDIRECTS; hops++) {
            chain.add(current.toString());
            Connection.Response response = request(current);
            int status = response.statusCode();
            if (status >= 300 && status < 400 && response.hasHeader("Location")) {
                Optional<URI> next = normalized(current.resolve(response.header("Location").strip()));
                if (next.isEmpty() || !sameSite(next.get(), origin)) {
                    throw new Skipped("redirects off the site to " + response.header("Location"));
                }
                if (chain.contains(next.get().toString())) {
                    throw new Skipped("redirect loop: " + String.join(" -> ", chain) + " -> " + next.get());
                }
                if (!seen.add(next.get().toString())) {
                    // the target is taken (or queued) on its own
                    return null;
                }
                current = next.get();
                continue;
            }
            if (status != 200) {
                throw new Skipped("HTTP " + status);
            }
            String type = Optional.ofNullable(response.contentType()).orElse("").toLowerCase(Locale.ROOT);
            if (!type.startsWith("text/html") && !type.startsWith("application/xhtml")) {
                throw new Skipped("not an HTML page (" + (type.isEmpty() ? "no content type" : type) + ")");
            }
            try {
                return new Fetched(current, response.parse());
            } catch (IOException | UncheckedIOException e) {
                throw failed(e);
            }
        }
        throw new Skipped("more than " + MAX_REDIRECTS + " redirects");
    }

    private Connection.Response request(URI url) throws Skipped {
        try {
            return Jsoup.connect(url.toString())
                    .userAgent(AGENT)
                    .timeout((int) limits.timeout().toMillis())
                    .maxBodySize((int) Math.min(Integer.MAX_VALUE, limits.maxBytes()))
                    .followRedirects(false)
                    .ignoreHttpErrors(true)
                    .ignoreContentType(true)
                    .execute();
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            throw failed(e);
        }
    }

    /** jsoup reports a timeout as one exception or another, wrapped or not, depending on when it struck. */
    private Skipped failed(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SocketTimeoutException || cause instanceof HttpTimeoutException) {
                return new Skipped("no complete answer within " + limits.timeout().toMillis() + " ms");
            }
        }
        return new Skipped("cannot be fetched: " + e);
    }

    private RobotsRules robots(URI origin) {
        try {
            Connection.Response response = request(origin.resolve("/robots.txt"));
            return response.statusCode() == 200 ? RobotsRules.parse(response.body(), AGENT) : RobotsRules.ALLOW_ALL;
        } catch (Skipped e) {
            // no answer at all: as with a missing file, the site states no rules
            return RobotsRules.ALLOW_ALL;
        }
    }

    private static List<URI> links(Document document, URI origin) {
        List<URI> links = new ArrayList<>();
        for (Element anchor : document.select("a[href]")) {
            String href = anchor.absUrl("href");
            // a source's path column holds 1000 characters
            if (href.isEmpty() || href.length() > 1000 || anchor.attr("rel").toLowerCase(Locale.ROOT).contains("nofollow")) {
                continue;
            }
            try {
                normalized(new URI(href)).filter(link -> sameSite(link, origin)).ifPresent(links::add);
            } catch (URISyntaxException e) {
                // a malformed link on the page: nothing to follow
            }
        }
        return links;
    }

    /** Absolute http(s) without the fragment, the path at least {@code /}; empty for anything else. */
    static Optional<URI> normalized(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            return Optional.empty();
        }
        try {
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
            return Optional.of(new URI(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + port + path + query));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static boolean sameSite(URI link, URI origin) {
        return link.getScheme().equals(origin.getScheme()) && link.getHost().equals(origin.getHost())
                && link.getPort() == origin.getPort();
    }

    private static String pathAndQuery(URI url) {
        return url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
    }
}
