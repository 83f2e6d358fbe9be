package io.omnipulse.profile.domain;

import io.omnipulse.events.CustomerIds;
import io.omnipulse.events.CustomerKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns the raw identifiers of an event into typed, normalised values ({@code email:ann@example.com})
 * and sorts out junk, so that matching compares like with like. The normal form is the wire
 * contract's ({@link CustomerKeys}, with the configured default region), so an identifier here is
 * the one ingest-service keyed the record by; this class adds only the junk rules. Pure logic, no Kafka.
 */
public final class IdentifierNormaliser {

    /** Identifier types, strongest first: the index is the strength used to break ties. */
    public static final List<String> TYPES = List.of(CustomerKeys.CRM, CustomerKeys.EMAIL, CustomerKeys.PHONE,
            CustomerKeys.HANDLE, CustomerKeys.VISITOR);

    private final IdentityRules rules;
    private final String region;

    /** @throws IllegalArgumentException when the rules' default region is not one libphonenumber knows */
    public IdentifierNormaliser(IdentityRules rules) {
        this.rules = rules;
        this.region = CustomerKeys.region(rules.defaultRegion());
    }

    /** The usable identifiers of an event (strongest first) and the junk ones it also carried. */
    public record Normalised(List<String> usable, List<String> junk) {
    }

    public Normalised normalise(CustomerIds ids) {
        List<String> usable = new ArrayList<>(5);
        List<String> junk = new ArrayList<>(0);
        if (ids == null) {
            return new Normalised(usable, junk);
        }
        String[] raw = {ids.crmId(), ids.email(), ids.phone(), ids.handle(), ids.chatVisitorId()};
        for (int i = 0; i < raw.length; i++) {
            String type = TYPES.get(i);
            String trimmed = raw[i] == null ? null : raw[i].strip();
            if (trimmed == null || trimmed.isEmpty()) {
                continue;
            }
            String typed = typed(type, trimmed);
            if (typed == null) {
                junk.add(type + ":" + trimmed.toLowerCase(Locale.ROOT));
            } else {
                usable.add(typed);
            }
        }
        return new Normalised(usable, junk);
    }

    /** One value typed and normalised like events are, or null when it is junk or unusable. */
    public String typed(String type, String raw) {
        if (raw == null || raw.isBlank() || isJunkWord(raw)) {
            return null;
        }
        if (CustomerKeys.PHONE.equals(type)) {
            // A possible number's E.164 form is exactly the value CustomerKeys.phone keys records by.
            String e164 = CustomerKeys.e164(raw, region);
            return isJunkPhone(e164) ? null : CustomerKeys.PHONE + ":" + e164;
        }
        String typed = CustomerKeys.typed(type, raw, region);
        boolean junk = typed == null || CustomerKeys.EMAIL.equals(type) && isJunkEmail(valueOf(typed));
        return junk ? null : typed;
    }

    /** 0 for crm (strongest) up to 4 for chat visitor id. */
    public static int strength(String typedIdentifier) {
        int index = TYPES.indexOf(typeOf(typedIdentifier));
        return index < 0 ? TYPES.size() : index;
    }

    public static String typeOf(String typedIdentifier) {
        return typedIdentifier.substring(0, typedIdentifier.indexOf(':'));
    }

    public static String valueOf(String typedIdentifier) {
        return typedIdentifier.substring(typedIdentifier.indexOf(':') + 1);
    }

    /** Not an address (one '@' with text on both sides, no blank), or a junk or shared sender's. */
    private boolean isJunkEmail(String email) {
        int at = email.indexOf('@');
        if (at < 1 || at == email.length() - 1 || email.indexOf('@', at + 1) >= 0 || email.contains(" ")) {
            return true;
        }
        String local = email.substring(0, at);
        return rules.junkValues().contains(local) || rules.junkEmailPrefixes().stream().anyMatch(local::startsWith);
    }

    /**
     * A number that is not a possible E.164 number (null here: an extension, a typo, a placeholder)
     * still keys its records, but never links customers; nor do numbers whose significant digits are
     * all the same (000000, +44 7777 777777), which forms and agents type when the caller gave none.
     */
    private static boolean isJunkPhone(String e164) {
        return e164 == null || allSameDigit(e164.substring(1));
    }

    private static boolean allSameDigit(String digits) {
        // The calling code is 1 to 3 digits: +44 0000 0000 is as junk as 0000 0000.
        for (int skip = 0; skip <= 3; skip++) {
            String rest = digits.substring(skip);
            if (rest.chars().distinct().count() == 1) {
                return true;
            }
        }
        return false;
    }

    private boolean isJunkWord(String raw) {
        return rules.junkValues().contains(raw.strip().toLowerCase(Locale.ROOT));
    }
}
