package io.relaysms.tracker.ids;

/**
 * One normalised reading of a carrier message id, under which submissions are indexed and receipts looked up.
 * Values are {@code t:<text>} (lower case, leading zeros removed) or {@code n:<decimal value>} (the id read as a
 * number in some radix). {@code guess} marks a numeric reading taken only because the format is not configured;
 * a match through a guess must be confirmed by the receipt's addresses.
 */
public record MatchKey(String value, boolean guess) {
}
