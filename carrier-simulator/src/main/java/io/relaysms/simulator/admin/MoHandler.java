package io.relaysms.simulator.admin;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.relaysms.simulator.CarrierSimulator;
import io.relaysms.simulator.mo.MoRequest;
import io.relaysms.simulator.mo.MoRequest.Concatenation;
import io.relaysms.simulator.mo.MoRequest.Encoding;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST /mo} injects a mobile-originated message:
 * {@code {"from": "+15550000001", "to": "+18005550100", "text": "STOP", "parts": 3, "concatenation": "udh",
 * "encoding": "ucs2", "systemId": "relay"}}, everything after text optional. Answers 202 with where it went.
 */
final class MoHandler {

    /** The JSON body; absent fields are null. */
    record MoBody(String from, String to, String text, Integer parts, String concatenation, String encoding, String systemId) {
    }

    private final CarrierSimulator simulator;

    MoHandler(CarrierSimulator simulator) {
        this.simulator = simulator;
    }

    void inject(Context ctx) {
        MoBody body = ctx.bodyAsClass(MoBody.class);
        List<String> problems = new ArrayList<>();
        Concatenation concatenation = Concatenation.UDH;
        if (body.concatenation() != null) {
            concatenation = Concatenation.parse(body.concatenation()).orElseGet(() -> {
                problems.add("concatenation: must be udh, sar or payload (was '" + body.concatenation() + "')");
                return Concatenation.UDH;
            });
        }
        Optional<Encoding> encoding = Optional.empty();
        if (body.encoding() != null) {
            encoding = Encoding.parse(body.encoding());
            if (encoding.isEmpty()) {
                problems.add("encoding: must be gsm7 or ucs2 (was '" + body.encoding() + "')");
            }
        }
        if (!problems.isEmpty()) {
            throw new BadRequestException(problems);
        }
        MoRequest request = new MoRequest(body.from(), body.to(), body.text(), Optional.ofNullable(body.parts()),
                concatenation, encoding, Optional.ofNullable(body.systemId()).filter(s -> !s.isBlank()));
        ctx.status(HttpStatus.ACCEPTED).json(simulator.injectMo(request));
    }
}
