package io.relaysms.simulator.behaviour;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Relative weights of receipt outcomes, written {@code DELIVRD:90,UNDELIV:5,EXPIRED:5}. Weights need not add
 * up to anything; each receipt draws its outcome independently.
 */
public record OutcomeMix(Map<ReceiptStatus, Double> weights) {

    public OutcomeMix {
        weights = Collections.unmodifiableMap(new EnumMap<>(weights));
    }

    public static OutcomeMix always(ReceiptStatus status) {
        return new OutcomeMix(Map.of(status, 1.0));
    }

    /** Parses the written form; problems go to {@code problems} and the result is then "always DELIVRD". */
    public static OutcomeMix parse(String key, String text, List<String> problems) {
        Map<ReceiptStatus, Double> weights = new EnumMap<>(ReceiptStatus.class);
        int before = problems.size();
        for (String item : text.split(",")) {
            if (item.isBlank()) {
                continue;
            }
            String[] parts = item.split(":", 2);
            var status = ReceiptStatus.parse(parts[0]);
            if (status.isEmpty()) {
                problems.add(key + ": '" + parts[0].trim() + "' is not a receipt state (DELIVRD, UNDELIV, EXPIRED, REJECTD, UNKNOWN)");
                continue;
            }
            try {
                double weight = parts.length == 1 ? 1.0 : Double.parseDouble(parts[1].trim());
                if (weight < 0 || Double.isNaN(weight) || Double.isInfinite(weight)) {
                    problems.add(key + ": the weight of " + status.get() + " must be a number of 0 or more");
                } else {
                    weights.merge(status.get(), weight, Double::sum);
                }
            } catch (NumberFormatException e) {
                problems.add(key + ": the weight of " + status.get() + " must be a number (was '" + parts[1].trim() + "')");
            }
        }
        if (problems.size() == before && weights.values().stream().mapToDouble(Double::doubleValue).sum() <= 0) {
            problems.add(key + ": needs at least one state with a positive weight, e.g. DELIVRD:95,UNDELIV:5");
        }
        return problems.size() > before ? always(ReceiptStatus.DELIVRD) : new OutcomeMix(weights);
    }

    public ReceiptStatus draw(RandomSource random) {
        double total = 0;
        for (double weight : weights.values()) {
            total += weight;
        }
        double point = random.nextDouble() * total;
        ReceiptStatus last = ReceiptStatus.DELIVRD;
        for (Map.Entry<ReceiptStatus, Double> entry : weights.entrySet()) {
            if (entry.getValue() <= 0) {
                continue;
            }
            last = entry.getKey();
            point -= entry.getValue();
            if (point < 0) {
                return last;
            }
        }
        return last;
    }

    @Override
    public String toString() {
        return weights.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(","));
    }
}
