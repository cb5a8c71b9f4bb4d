package io.relaysms.simulator.record;

import io.relaysms.simulator.codec.AddressForm;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the record says about the platform's behaviour towards the carrier: per sending number the submits
 * received in each wall-clock second (a rate limit shows as the largest of them), and the accepted messages
 * that arrived more than once with the same content (duplicates a restart or a retry caused).
 */
public record SubmissionStats(long received, long accepted, long rejected, long evicted,
                              List<SenderRate> senders, List<Duplicate> duplicates) {

    /** Submits from one sender: totals and counts per epoch second. */
    public record SenderRate(String sender, long received, long accepted, int maxPerSecond,
                             SortedMap<Long, Integer> perSecond) {
    }

    /** One content accepted more than once: same sender, recipient, coding, part and body. */
    public record Duplicate(String from, String to, int seqnum, int total, String text, int count, List<String> messageIds) {
    }

    public static SubmissionStats of(List<Submission> submissions, long evicted) {
        Map<String, List<Submission>> bySender = new TreeMap<>();
        Map<String, List<Submission>> byContent = new LinkedHashMap<>();
        long accepted = 0;
        for (Submission s : submissions) {
            bySender.computeIfAbsent(AddressForm.canonical(s.sourceAddr()), k -> new ArrayList<>()).add(s);
            if (s.accepted()) {
                accepted++;
                byContent.computeIfAbsent(contentKey(s), k -> new ArrayList<>()).add(s);
            }
        }
        List<SenderRate> senders = new ArrayList<>();
        bySender.forEach((sender, list) -> {
            SortedMap<Long, Integer> perSecond = new TreeMap<>();
            list.forEach(s -> perSecond.merge(s.receivedAt().getEpochSecond(), 1, Integer::sum));
            int max = perSecond.values().stream().mapToInt(Integer::intValue).max().orElse(0);
            senders.add(new SenderRate(sender, list.size(), list.stream().filter(Submission::accepted).count(), max, perSecond));
        });
        List<Duplicate> duplicates = new ArrayList<>();
        byContent.values().stream().filter(list -> list.size() > 1).forEach(list -> {
            Submission first = list.get(0);
            duplicates.add(new Duplicate(AddressForm.canonical(first.sourceAddr()), AddressForm.canonical(first.destAddr()),
                    first.segment().seqnum(), first.segment().total(), first.text().orElse(first.bodyHex()), list.size(),
                    list.stream().map(s -> s.messageId().orElse("")).toList()));
        });
        return new SubmissionStats(submissions.size(), accepted, submissions.size() - accepted, evicted, senders, duplicates);
    }

    private static String contentKey(Submission s) {
        return AddressForm.canonical(s.sourceAddr()) + '|' + AddressForm.canonical(s.destAddr()) + '|' + s.dataCoding()
                + '|' + s.segment().seqnum() + '/' + s.segment().total() + '|' + s.bodyHex();
    }
}
