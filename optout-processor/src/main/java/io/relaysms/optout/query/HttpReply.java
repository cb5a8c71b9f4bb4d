package io.relaysms.optout.query;

import java.util.Map;

/** What a handler answers: status, body (JSON unless the content type says otherwise) and extra headers. */
public record HttpReply(int status, String contentType, String body, Map<String, String> headers) {

    public static HttpReply json(int status, String body) {
        return new HttpReply(status, "application/json", body, Map.of());
    }

    /** 307: the data lives on another instance; the client repeats the same GET there. */
    public static HttpReply redirect(String location) {
        return new HttpReply(307, "application/json", "{\"redirect\":\"" + location + "\"}", Map.of("Location", location));
    }
}
