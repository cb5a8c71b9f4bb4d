package io.relaysms.simulator.handset;

import io.relaysms.simulator.behaviour.Delay;

/**
 * How recipients answer when no rule tells them to: the shares of recipients who answer STOP, HELP, START or
 * the free text to every message they get (the rest never answer), and the delay of their answer.
 */
public record HandsetSettings(double stopShare, double helpShare, double startShare, double textShare,
                              String freeText, Delay delay) {

    public static final HandsetSettings SILENT = new HandsetSettings(0, 0, 0, 0, "", Delay.NONE);

    public HandsetSettings {
        double sum = stopShare + helpShare + startShare + textShare;
        if (stopShare < 0 || helpShare < 0 || startShare < 0 || textShare < 0 || sum > 1.0 + 1e-9) {
            throw new IllegalArgumentException("reply shares must be between 0 and 1 and add up to at most 1 (they add up to " + sum + ")");
        }
    }
}
