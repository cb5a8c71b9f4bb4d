package io.relaysms.simulator.mo;

import io.relaysms.simulator.codec.Gsm7Alphabet;
import io.relaysms.simulator.delivery.OutboundDeliver;
import io.relaysms.simulator.mo.MoRequest.Concatenation;
import io.relaysms.simulator.mo.MoRequest.Encoding;
import io.relaysms.simulator.smpp.SmppAddress;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.OptionalParameters;

/**
 * Turns an MO into the deliver_sm a carrier sends: the text encoded (GSM 03.38 unpacked, or UCS-2 when asked
 * or when the text needs it), split into parts that fit one SMS (160 septets or 70 UCS-2 characters alone,
 * 153 or 67 per part of a concatenated message) without splitting an escaped GSM character or a surrogate
 * pair, each part marked by a UDH or by SAR TLVs. A requested part count spreads the text evenly.
 */
public final class MoComposer {

    private static final int MAX_PARTS = 255;
    private static final int ESM_CLASS_UDHI = 0x40;

    private final Gsm7Alphabet gsm = new Gsm7Alphabet();
    private final AtomicInteger references = new AtomicInteger();

    /** A composed MO: its encoding and its deliver_sm, in order. */
    public record Composed(Encoding encoding, List<OutboundDeliver> parts) {
    }

    public Composed compose(MoRequest request, String systemId) {
        List<String> problems = new ArrayList<>();
        Encoding encoding = request.encoding().orElse(gsm.canEncode(request.text()) ? Encoding.GSM7 : Encoding.UCS2);
        if (encoding == Encoding.GSM7 && !gsm.canEncode(request.text())) {
            problems.add("text: '" + gsm.firstUnencodable(request.text()).orElseThrow()
                    + "' is not in the GSM 03.38 alphabet; use encoding UCS2");
            throw new InvalidMoException(problems);
        }
        List<byte[]> units = units(request.text(), encoding);
        int total = units.stream().mapToInt(u -> u.length).sum();
        int single = encoding == Encoding.GSM7 ? 160 : 140;
        int perPart = encoding == Encoding.GSM7 ? 153 : 134;
        List<byte[]> bodies;
        if (request.concatenation() == Concatenation.PAYLOAD) {
            if (request.parts().filter(n -> n != 1).isPresent()) {
                throw new InvalidMoException(List.of("parts: message_payload carries the whole text in one deliver_sm; leave parts out or use 1"));
            }
            bodies = List.of(join(units, 0, units.size()));
        } else if (request.parts().isPresent()) {
            bodies = splitEvenly(units, total, request.parts().get(), single, perPart);
        } else {
            bodies = total <= single ? List.of(join(units, 0, units.size())) : fill(units, perPart);
        }
        if (bodies.size() > MAX_PARTS) {
            throw new InvalidMoException(List.of("text: needs " + bodies.size() + " parts, at most " + MAX_PARTS + " are possible"));
        }
        return new Composed(encoding, deliverSms(request, systemId, encoding, bodies));
    }

    private List<OutboundDeliver> deliverSms(MoRequest request, String systemId, Encoding encoding, List<byte[]> bodies) {
        SmppAddress from = SmppAddress.of(request.from());
        SmppAddress to = SmppAddress.of(request.to());
        int count = bodies.size();
        int reference = references.incrementAndGet();
        List<OutboundDeliver> parts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] body = bodies.get(i);
            String description = "MO " + (i + 1) + "/" + count + " from " + request.from() + " to " + request.to();
            OptionalParameter[] tlvs = OptionalParameters.EMPTY_OPTIONAL_PARAMETERS;
            int esmClass = 0;
            if (request.concatenation() == Concatenation.PAYLOAD) {
                tlvs = new OptionalParameter[] {new OptionalParameter.Message_payload(body)};
                body = new byte[0];
            } else if (count > 1 && request.concatenation() == Concatenation.UDH) {
                body = withUdh(reference & 0xFF, count, i + 1, body);
                esmClass = ESM_CLASS_UDHI;
            } else if (count > 1) {
                tlvs = new OptionalParameter[] {
                        // jSMPP's newSarMsgRefNum(int) casts to byte; the short overload keeps all 16 bits.
                        OptionalParameters.newSarMsgRefNum((short) (reference & 0xFFFF)),
                        OptionalParameters.newSarTotalSegments(count),
                        OptionalParameters.newSarSegmentSeqnum(i + 1)};
            }
            parts.add(new OutboundDeliver(OutboundDeliver.Kind.MO, systemId, from, to, esmClass, encoding.dataCoding(),
                    body, tlvs, description));
        }
        return parts;
    }

    private List<byte[]> units(String text, Encoding encoding) {
        List<byte[]> units = new ArrayList<>(text.length());
        if (encoding == Encoding.GSM7) {
            text.chars().forEach(c -> units.add(gsm.encode(String.valueOf((char) c))));
        } else {
            text.codePoints().forEach(cp -> units.add(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_16BE)));
        }
        return units;
    }

    private static List<byte[]> fill(List<byte[]> units, int capacity) {
        List<byte[]> parts = new ArrayList<>();
        int start = 0;
        int size = 0;
        for (int i = 0; i < units.size(); i++) {
            if (size + units.get(i).length > capacity) {
                parts.add(join(units, start, i));
                start = i;
                size = 0;
            }
            size += units.get(i).length;
        }
        parts.add(join(units, start, units.size()));
        return parts;
    }

    private static List<byte[]> splitEvenly(List<byte[]> units, int total, int count, int single, int perPart) {
        if (count < 1 || count > MAX_PARTS) {
            throw new InvalidMoException(List.of("parts: must be between 1 and " + MAX_PARTS + " (was " + count + ")"));
        }
        if (count > units.size()) {
            throw new InvalidMoException(List.of("parts: " + count + " parts need a text of at least " + count + " characters"));
        }
        int capacity = count == 1 ? single : perPart;
        List<byte[]> parts = new ArrayList<>(count);
        int start = 0;
        int remaining = total;
        for (int part = 0; part < count; part++) {
            int target = (int) Math.ceil((double) remaining / (count - part));
            int size = 0;
            int end = start;
            int unitsLeftAfter = units.size() - end;
            while (end < units.size() && size < target && unitsLeftAfter > count - part - 1) {
                size += units.get(end).length;
                end++;
                unitsLeftAfter--;
            }
            if (size > capacity) {
                int needed = fill(units, perPart).size();
                throw new InvalidMoException(List.of("parts: the text does not fit in " + count + " part(s); it needs at least " + needed));
            }
            parts.add(join(units, start, end));
            remaining -= size;
            start = end;
        }
        return parts;
    }

    private static byte[] join(List<byte[]> units, int from, int to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = from; i < to; i++) {
            out.writeBytes(units.get(i));
        }
        return out.toByteArray();
    }

    private static byte[] withUdh(int reference, int total, int seqnum, byte[] body) {
        byte[] udh = {0x05, 0x00, 0x03, (byte) reference, (byte) total, (byte) seqnum};
        byte[] data = new byte[udh.length + body.length];
        System.arraycopy(udh, 0, data, 0, udh.length);
        System.arraycopy(body, 0, data, udh.length, body.length);
        return data;
    }
}
