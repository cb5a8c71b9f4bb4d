package io.relaysms.optout.keywords;

/**
 * An inbound text that is a keyword: what it asks for, and the keyword as configured (e.g. {@code OPT OUT}),
 * which is what the opt-out state records.
 */
public record KeywordMatch(KeywordKind kind, String keyword) {
}
