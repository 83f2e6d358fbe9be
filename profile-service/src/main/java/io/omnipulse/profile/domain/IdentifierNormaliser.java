package io.omnipulse.profile.domain;

import io.omnipulse.events.CustomerIds;
import io.omnipulse.events.CustomerKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns the raw identifiers of an event into typed, normalised values ({@code email:ann@example.com})
 * and sorts out junk, so that matching compares like with like. Pure logic, no Kafka.
 */
public final class IdentifierNormaliser {

    /** Identifier types, strongest first: the index is the strength used to break ties. */
    public static final List<String> TYPES = List.of(CustomerKeys.CRM, CustomerKeys.EMAIL, CustomerKeys.PHONE,
            CustomerKeys.HANDLE, CustomerKeys.VISITOR);

    private static final int E164_MIN_DIGITS = 7;
    private static final int E164_MAX_DIGITS = 15;

    private final IdentityRules rules;

    public IdentifierNormaliser(IdentityRules rules) {
        this.rules = rules;
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
        String value = switch (type) {
            case CustomerKeys.CRM, CustomerKeys.VISITOR -> raw.strip();
            case CustomerKeys.EMAIL -> email(raw);
            case CustomerKeys.PHONE -> phone(raw);
            case CustomerKeys.HANDLE -> handle(raw);
            default -> throw new IllegalArgumentException("unknown identifier type " + type);
        };
        return value == null ? null : type + ":" + value;
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

    private String email(String raw) {
        String value = raw.strip().toLowerCase(Locale.ROOT);
        int at = value.indexOf('@');
        if (at < 1 || at == value.length() - 1 || value.indexOf('@', at + 1) >= 0 || value.contains(" ")) {
            return null;
        }
        String local = value.substring(0, at);
        if (rules.junkValues().contains(local) || rules.junkEmailPrefixes().stream().anyMatch(local::startsWith)) {
            return null;
        }
        return value;
    }

    /**
     * E.164 without a library: "+" or "00" start an international number; anything else is national,
     * loses its trunk prefix 0 and gets the default calling code. Letters make a value unusable, and
     * so do numbers whose significant digits are all the same (000000, 1111111).
     */
    private String phone(String raw) {
        String value = raw.strip();
        if (!value.matches("[+0-9 ()./-]+")) {
            return null;
        }
        String digits = value.replaceAll("\\D", "");
        String international;
        if (value.startsWith("+")) {
            international = digits;
        } else if (digits.startsWith("00")) {
            international = digits.substring(2);
        } else {
            international = rules.defaultCountryCode() + (digits.startsWith("0") ? digits.substring(1) : digits);
        }
        if (international.length() < E164_MIN_DIGITS || international.length() > E164_MAX_DIGITS
                || international.startsWith("0") || allSameDigit(international)) {
            return null;
        }
        return "+" + international;
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

    /** {@code platform:handle}, lower-cased, without an '@' after the platform. */
    private static String handle(String raw) {
        String value = raw.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
        int colon = value.indexOf(':');
        if (colon > 0 && colon < value.length() - 1 && value.charAt(colon + 1) == '@') {
            value = value.substring(0, colon + 1) + value.substring(colon + 2);
        }
        return value.isEmpty() || value.equals("@") ? null : value;
    }

    private boolean isJunkWord(String raw) {
        return rules.junkValues().contains(raw.strip().toLowerCase(Locale.ROOT));
    }
}
