package io.relaysms.simulator.mo;

import io.relaysms.simulator.codec.AddressForm;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which account last sent from each number. An MO to one of our numbers goes, unless told otherwise, to the
 * account that sends from it, which is how a carrier routes replies to the customer that owns the number.
 */
public final class SenderAccounts {

    private final Map<String, String> bySender = new ConcurrentHashMap<>();

    public void sent(String sender, String systemId) {
        bySender.put(AddressForm.canonical(sender), systemId);
    }

    public Optional<String> accountOf(String number) {
        return Optional.ofNullable(bySender.get(AddressForm.canonical(number)));
    }
}
