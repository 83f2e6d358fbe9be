package io.omnipulse.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * How a customer's identifiers become the record key on Kafka. It is part of the wire contract:
 * every producer must key events the same way so that one customer's events share a partition.
 *
 * <p>Identifiers are normalised first (e-mail trimmed and lower-cased, phone numbers reduced to
 * {@code +digits}, handles lower-cased) and prefixed with their type, e.g. {@code email:ann@example.com}.
 * The primary identifier is the strongest one present: crmId, then email, phone, handle,
 * chatVisitorId. The customer id is a short hash of it, so ids are opaque and URL-safe.
 */
public final class CustomerKeys {

    public static final String CRM = "crm";
    public static final String EMAIL = "email";
    public static final String PHONE = "phone";
    public static final String HANDLE = "handle";
    public static final String VISITOR = "visitor";

    private CustomerKeys() {
    }

    /** Every normalised, typed identifier in strength order; empty when there is none. */
    public static List<String> identifiers(CustomerIds ids) {
        List<String> out = new ArrayList<>(5);
        if (ids == null) {
            return out;
        }
        add(out, CRM, trimmed(ids.crmId()));
        add(out, EMAIL, email(ids.email()));
        add(out, PHONE, phone(ids.phone()));
        add(out, HANDLE, lower(ids.handle()));
        add(out, VISITOR, trimmed(ids.chatVisitorId()));
        return out;
    }

    /** The strongest identifier, typed and normalised, or null when the event names nobody. */
    public static String primaryIdentifier(CustomerIds ids) {
        List<String> all = identifiers(ids);
        return all.isEmpty() ? null : all.get(0);
    }

    /** The record key for events about this customer, or null when no identifier is present. */
    public static String customerId(CustomerIds ids) {
        String primary = primaryIdentifier(ids);
        return primary == null ? null : customerIdOf(primary);
    }

    /** The customer id that a typed identifier such as {@code email:ann@example.com} maps to. */
    public static String customerIdOf(String typedIdentifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(typedIdentifier.getBytes(StandardCharsets.UTF_8));
            return "cus-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }

    /** A typed identifier for a lookup by one identifier type, normalised like events are. */
    public static String typed(String type, String raw) {
        String value = switch (type) {
            case CRM, VISITOR -> trimmed(raw);
            case EMAIL -> email(raw);
            case PHONE -> phone(raw);
            case HANDLE -> lower(raw);
            default -> throw new IllegalArgumentException("unknown identifier type " + type);
        };
        return value == null ? null : type + ":" + value;
    }

    public static String email(String raw) {
        return lower(raw);
    }

    /** Keeps digits only, with a leading + when the number was international (+ or 00). */
    public static String phone(String raw) {
        String value = trimmed(raw);
        if (value == null) {
            return null;
        }
        boolean international = value.startsWith("+") || value.startsWith("00");
        String digits = value.replaceAll("\\D", "");
        if (value.startsWith("00")) {
            digits = digits.substring(2);
        }
        if (digits.isEmpty()) {
            return null;
        }
        return international ? "+" + digits : digits;
    }

    private static String lower(String raw) {
        String value = trimmed(raw);
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    private static String trimmed(String raw) {
        if (raw == null) {
            return null;
        }
        String value = raw.trim();
        return value.isEmpty() ? null : value;
    }

    private static void add(List<String> out, String type, String value) {
        if (value != null) {
            out.add(type + ":" + value);
        }
    }
}
