package io.relaysms.optout.keywords;

/** What a keyword asks for. Its config name is the suffix of the keys that list and answer it. */
public enum KeywordKind {
    /** Stop messaging me (STOP and its synonyms). */
    OPT_OUT("opt-out"),
    /** Message me again (START, UNSTOP, YES). */
    OPT_IN("opt-in"),
    /** Tell me who you are and how to stop (HELP, INFO). */
    HELP("help");

    private final String configName;

    KeywordKind(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }
}
