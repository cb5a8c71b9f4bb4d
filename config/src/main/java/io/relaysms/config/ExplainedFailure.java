package io.relaysms.config;

/**
 * A failure to start whose message already says what to change (a taken port and the settings that move it, a data
 * folder another process holds): {@link ServiceMain} prints the message alone, since a stack trace would bury it.
 */
public interface ExplainedFailure {
}
