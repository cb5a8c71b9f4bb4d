package io.relaysms.simulator.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.relaysms.simulator.codec.SegmentInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsmpp.SMPPConstant;
import org.junit.jupiter.api.Test;

class RuleBookTest {

    private final BehaviourParser parser = new BehaviourParser(new CommandStatuses());
    private final List<String> problems = new ArrayList<>();

    private RuleBook book(Map<String, String> global, Map<String, Map<String, String>> rules) {
        RuleBook book = new RuleBook(parser, global, rules, problems);
        assertThat(problems).isEmpty();
        return book;
    }

    @Test
    void appliesTheGlobalBehaviourWhenNoRuleMatches() {
        RuleBook book = book(Map.of("tps", "20"), Map.of("uk", Map.of("prefix", "+44", "tps", "1")));

        Behaviour behaviour = book.resolve("15550000001", SegmentInfo.SINGLE, "relay");

        assertThat(behaviour.ruleName()).isEqualTo(Behaviour.GLOBAL);
        assertThat(behaviour.tpsPerBind()).isEqualTo(20);
    }

    @Test
    void matchesByPrefixWithOrWithoutThePlus() {
        RuleBook book = book(Map.of(), Map.of("us", Map.of("prefix", "1555", "tps", "2")));

        assertThat(book.resolve("15550000001", SegmentInfo.SINGLE, "relay").ruleName()).isEqualTo("us");
        assertThat(book.resolve("+15550000001", SegmentInfo.SINGLE, "relay").ruleName()).isEqualTo("us");
        assertThat(book.resolve("+16660000001", SegmentInfo.SINGLE, "relay").ruleName()).isEqualTo(Behaviour.GLOBAL);
    }

    @Test
    void matchesByPatternNumbersSegmentAndSystemId() {
        RuleBook book = book(Map.of(), Map.of(
                "pattern", Map.of("pattern", "\\+1555000000[0-4]"),
                "list", Map.of("numbers", "+15550000009,15550000008"),
                "second-part", Map.of("segment", "2", "system-id", "other")));

        assertThat(book.resolve("15550000003", SegmentInfo.SINGLE, "relay").ruleName()).isEqualTo("pattern");
        assertThat(book.resolve("15550000008", SegmentInfo.SINGLE, "relay").ruleName()).isEqualTo("list");
        SegmentInfo second = new SegmentInfo(SegmentInfo.Method.UDH_8BIT_REF, 1, 3, 2);
        assertThat(book.resolve("15550000007", second, "other").ruleName()).isEqualTo("second-part");
        assertThat(book.resolve("15550000007", second, "relay").ruleName()).isEqualTo(Behaviour.GLOBAL);
    }

    @Test
    void triesHigherPrioritiesFirstAndTheNewestAmongEquals() {
        RuleBook book = book(Map.of(), Map.of("low", Map.of("priority", "1"), "high", Map.of("priority", "200")));

        assertThat(book.resolve("15550000001", SegmentInfo.SINGLE, "relay").ruleName()).isEqualTo("high");
        book.put("newest", Map.of("priority", "200"));
        assertThat(book.resolve("15550000001", SegmentInfo.SINGLE, "relay").ruleName()).isEqualTo("newest");
    }

    @Test
    void triesConfiguredRulesOfEqualPriorityByName() {
        RuleBook book = book(Map.of(), Map.of("b-second", Map.of(), "a-first", Map.of(), "c-third", Map.of()));

        assertThat(book.rules()).extracting(BehaviourRule::name).containsExactly("a-first", "b-second", "c-third");
    }

    @Test
    void takesUnsetKeysOfARuleFromTheGlobalBehaviour() {
        RuleBook book = book(Map.of("receipt.outcomes", "EXPIRED:1", "tps", "9"), Map.of());

        Behaviour rule = book.put("slow", Map.of("latency.min-ms", "50")).behaviour();

        assertThat(rule.tpsPerBind()).isEqualTo(9);
        assertThat(rule.receipts().outcomes()).isEqualTo(OutcomeMix.always(ReceiptStatus.EXPIRED));
        assertThat(rule.latency().minMillis()).isEqualTo(50);
        assertThat(rule.latency().maxMillis()).isEqualTo(50);
    }

    @Test
    void readsSubmitErrorsByNameOrNumber() {
        RuleBook book = book(Map.of(), Map.of());

        assertThat(book.put("a", Map.of("submit-error.status", "ESME_RTHROTTLED")).behaviour().submitError())
                .contains(new SubmitError(SMPPConstant.STAT_ESME_RTHROTTLED, 1.0));
        assertThat(book.put("b", Map.of("submit-error.status", "0x45", "submit-error.share", "0.5")).behaviour().submitError())
                .contains(new SubmitError(0x45, 0.5));
    }

    @Test
    void refusesABadRuleWithEveryProblemAndKeepsTheOldRules() {
        RuleBook book = book(Map.of(), Map.of());
        book.put("kept", Map.of("tps", "5"));

        assertThatThrownBy(() -> book.put("kept", Map.of("tps", "-1", "pattern", "([", "receipt.outcomes", "DELIVERED:1",
                "latency.min-ms", "10", "latency.max-ms", "5", "colour", "red")))
                .isInstanceOfSatisfying(InvalidRuleException.class, e -> assertThat(e.problems()).hasSize(5));
        assertThat(book.rules()).singleElement().satisfies(r -> assertThat(r.behaviour().tpsPerBind()).isEqualTo(5));
    }

    @Test
    void reportsBadConfiguredRulesUnderTheirKeys() {
        new RuleBook(parser, Map.of("tps", "x"), Map.of("r", Map.of("segment", "-2")), problems);

        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("simulator.behaviour.tps"))
                .anySatisfy(p -> assertThat(p).startsWith("simulator.rules.r.segment"));
    }

    @Test
    void drawsOutcomesInProportionToTheirWeights() {
        OutcomeMix mix = OutcomeMix.parse("k", "DELIVRD:3,UNDELIV:1", problems);
        RandomSource random = new RandomSource(java.util.Optional.of(1L));

        int delivered = 0;
        for (int i = 0; i < 4000; i++) {
            delivered += mix.draw(random) == ReceiptStatus.DELIVRD ? 1 : 0;
        }
        assertThat(delivered).isBetween(2800, 3200);
    }
}
