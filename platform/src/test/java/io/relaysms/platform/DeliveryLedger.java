package io.relaysms.platform;

import io.relaysms.schemas.DeliveryReport;
import io.relaysms.simulator.record.Submission;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the fault tests judge by: the messageIds the API accepted (202) against the delivery reports on
 * {@code sms-delivery-reports} and what the carrier accepted. Lost: accepted but never reported. Duplicated reports:
 * more than one report for a messageId. Duplicated at the carrier: the same recipient and text accepted more than once
 * (every load request has its own text, so that pair names one message).
 */
record DeliveryLedger(int accepted, int reported, Set<String> lost, Map<String, Long> duplicateReports,
                      int reportsOfUnacceptedMessages, Map<String, Long> duplicatesAtCarrier) {

    static DeliveryLedger of(Set<String> acceptedIds, List<DeliveryReport> reports, Collection<Submission> submissions) {
        Map<String, Long> reportsPerMessage = reports.stream()
                .collect(Collectors.groupingBy(r -> r.getMessageId().toString(), Collectors.counting()));
        Set<String> lost = acceptedIds.stream().filter(id -> !reportsPerMessage.containsKey(id)).collect(Collectors.toSet());
        Map<String, Long> duplicateReports = moreThanOnce(reportsPerMessage);
        int unaccepted = (int) reportsPerMessage.keySet().stream().filter(id -> !acceptedIds.contains(id)).count();
        Map<String, Long> atCarrier = moreThanOnce(submissions.stream().filter(Submission::accepted)
                .map(s -> s.destAddr() + "|" + s.text().orElse(s.bodyHex()))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting())));
        return new DeliveryLedger(acceptedIds.size(), reportsPerMessage.size(), lost, duplicateReports, unaccepted, atCarrier);
    }

    private static Map<String, Long> moreThanOnce(Map<String, Long> counts) {
        return counts.entrySet().stream().filter(e -> e.getValue() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    String summary(String test) {
        return String.format("%s: %d accepted (202), %d reported, %d lost, %d duplicate reports, %d reports of messages "
                        + "answered 503, %d messages accepted twice by the carrier (in flight at the fault)",
                test, accepted, reported, lost.size(), duplicateReports.size(), reportsOfUnacceptedMessages, duplicatesAtCarrier.size());
    }
}
