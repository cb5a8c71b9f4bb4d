package io.relaysms.api;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** JSON bodies of send requests, written out as ACS clients send them. Test code only. */
final class SendBodies {

    private SendBodies() {
    }

    static String send(String from, List<String> to, String message) {
        return "{\"from\":\"" + from + "\",\"smsRecipients\":["
                + to.stream().map(t -> "{\"to\":\"" + t + "\"}").collect(Collectors.joining(","))
                + "],\"message\":\"" + message + "\"}";
    }

    /** As the Java SDK 1.1.x builds it: every recipient with a fresh repeatability id and the current time. */
    static String repeatable(String from, List<String> to, String message) {
        String now = AcsSignedClient.rfc1123(ZonedDateTime.now(ZoneOffset.UTC));
        return "{\"from\":\"" + from + "\",\"smsRecipients\":["
                + to.stream().map(t -> "{\"to\":\"" + t + "\",\"repeatabilityRequestId\":\"" + UUID.randomUUID()
                        + "\",\"repeatabilityFirstSent\":\"" + now + "\"}").collect(Collectors.joining(","))
                + "],\"message\":\"" + message + "\",\"smsSendOptions\":{\"enableDeliveryReport\":false}}";
    }

    static List<String> recipients(int count) {
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> String.format("+1425555%04d", 1000 + i)).toList();
    }
}
