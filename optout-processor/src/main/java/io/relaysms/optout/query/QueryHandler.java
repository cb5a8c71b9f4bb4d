package io.relaysms.optout.query;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** One GET route: from the path segments after its prefix and the query parameters to a reply. */
@FunctionalInterface
public interface QueryHandler {

    /**
     * @param uri      the request URI (for redirects)
     * @param segments the decoded path segments after the route's prefix
     * @param query    the decoded query parameters (the last value wins)
     */
    HttpReply handle(URI uri, List<String> segments, Map<String, String> query);
}
