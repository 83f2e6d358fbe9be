package io.omnipulse.events;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.ValidationResult;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a customer's identifiers become the record key on Kafka. It is part of the wire contract:
 * every producer must key events the same way so that one customer's events share a partition, and
 * profile-service matches identifiers with exactly these values.
 *
 * <p>Identifiers are normalised first and prefixed with their type, e.g. {@code email:ann@example.com}:
 * <ul>
 *   <li>e-mail: trimmed and lower-cased;</li>
 *   <li>phone: E.164 ({@code +442079461000}) by libphonenumber, reading a number written without its
 *       calling code as one of the default region (an ISO 3166 code such as "GB"); see {@link #phone(String, String)}
 *       for numbers it cannot read;</li>
 *   <li>handle: {@code platform:handle}, lower-cased, without blanks or an '@' after the platform;</li>
 *   <li>crmId and chat visitor id: trimmed, case kept.</li>
 * </ul>
 * The primary identifier is the strongest one present: crmId, then email, phone, handle,
 * chatVisitorId. The customer id is a short keyed hash of it (HMAC-SHA256 with the deployment's secret
 * key, first 64 bits in hex), so ids are opaque and URL-safe, and nobody without the key can tell whose
 * id it is by hashing a list of addresses. Every service of a deployment must use the same key
 * ({@link #useHmacKey}); until one is set, the published {@link #DEVELOPMENT_HMAC_KEY} is used, which
 * is fine for tests and the local stack and nothing else.
 *
 * <p>The forms without a region read national numbers in {@link #DEFAULT_REGION}; they suit callers
 * whose numbers are international or who run with the default (tests, the simulator). Services pass
 * their configured region, and the services of one deployment must all configure the same one: it
 * decides the record key of a number written nationally. Whether a value names anybody at all does
 * not depend on the region.
 */
public final class CustomerKeys {

    public static final String CRM = "crm";
    public static final String EMAIL = "email";
    public static final String PHONE = "phone";
    public static final String HANDLE = "handle";
    public static final String VISITOR = "visitor";

    /** Region of the forms that take none; also the services' default (omnipulse.*.default-region). */
    public static final String DEFAULT_REGION = "GB";

    /**
     * The key of tests and the local stack, in base64: published here, so it hides nothing. A production
     * deployment sets its own (omnipulse.customer-ids.hmac-key).
     */
    public static final String DEVELOPMENT_HMAC_KEY = Base64.getEncoder()
            .encodeToString("omnipulse development customer-id key; not a secret".getBytes(StandardCharsets.UTF_8));
    /** The shortest key accepted: 256 bits, as long as the hash. */
    public static final int MIN_HMAC_KEY_BYTES = 32;
    private static final String HMAC = "HmacSHA256";

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static volatile IdKey idKey = new IdKey(new SecretKeySpec(Base64.getDecoder().decode(DEVELOPMENT_HMAC_KEY), HMAC));
    /** A Mac is not thread-safe and costly to set up: one per thread, re-made when the key changes. */
    private static final ThreadLocal<KeyedMac> MACS = new ThreadLocal<>();

    private record KeyedMac(SecretKeySpec key, Mac mac) {
    }

    /**
     * The deployment's key with the ids computed with it, so that a new key never meets an id of the old
     * one. profile-service asks for the id of one identifier several times per event (the claim, the
     * loop's routing, the group's leader, the resolved event): the HMACs took 8 % of its stream thread
     * under the bench (JFR), the lookups that replace most of them 5 %. 10,000 entries are about 2 MB.
     */
    private record IdKey(SecretKeySpec spec, Cache<String, String> ids) {
        IdKey(SecretKeySpec spec) {
            this(spec, Caffeine.newBuilder().maximumSize(10_000).build());
        }
    }

    private CustomerKeys() {
    }

    /** Every normalised, typed identifier in strength order, phones read in {@link #DEFAULT_REGION}. */
    public static List<String> identifiers(CustomerIds ids) {
        return identifiers(ids, DEFAULT_REGION);
    }

    /** Every normalised, typed identifier in strength order; empty when there is none. */
    public static List<String> identifiers(CustomerIds ids, String region) {
        List<String> out = new ArrayList<>(5);
        if (ids == null) {
            return out;
        }
        add(out, CRM, trimmed(ids.crmId()));
        add(out, EMAIL, email(ids.email()));
        add(out, PHONE, phone(ids.phone(), region));
        add(out, HANDLE, handle(ids.handle()));
        add(out, VISITOR, trimmed(ids.chatVisitorId()));
        return out;
    }

    /** The strongest identifier, phones read in {@link #DEFAULT_REGION}. */
    public static String primaryIdentifier(CustomerIds ids) {
        return primaryIdentifier(ids, DEFAULT_REGION);
    }

    /** The strongest identifier, typed and normalised, or null when the event names nobody. */
    public static String primaryIdentifier(CustomerIds ids, String region) {
        List<String> all = identifiers(ids, region);
        return all.isEmpty() ? null : all.get(0);
    }

    /** The record key for events about this customer, phones read in {@link #DEFAULT_REGION}. */
    public static String customerId(CustomerIds ids) {
        return customerId(ids, DEFAULT_REGION);
    }

    /** The record key for events about this customer, or null when no identifier is present. */
    public static String customerId(CustomerIds ids, String region) {
        String primary = primaryIdentifier(ids, region);
        return primary == null ? null : customerIdOf(primary);
    }

    /** The customer id that a typed identifier such as {@code email:ann@example.com} maps to. */
    public static String customerIdOf(String typedIdentifier) {
        IdKey key = idKey;
        return key.ids().get(typedIdentifier, typed -> {
            byte[] digest = mac(key.spec()).doFinal(typed.getBytes(StandardCharsets.UTF_8));
            return "cus-" + HexFormat.of().formatHex(digest, 0, 8);
        });
    }

    /**
     * Sets the deployment's key of customer ids, once at start-up, before any id is computed: a service
     * that computed ids with another key would key a customer's events under two ids.
     *
     * @throws IllegalArgumentException when the key is shorter than {@value #MIN_HMAC_KEY_BYTES} bytes
     */
    public static void useHmacKey(byte[] key) {
        if (key == null || key.length < MIN_HMAC_KEY_BYTES) {
            throw new IllegalArgumentException("a customer-id key needs at least " + MIN_HMAC_KEY_BYTES + " bytes");
        }
        idKey = new IdKey(new SecretKeySpec(key.clone(), HMAC));
    }

    private static Mac mac(SecretKeySpec key) {
        KeyedMac keyed = MACS.get();
        if (keyed == null || keyed.key() != key) {
            try {
                Mac mac = Mac.getInstance(HMAC);
                mac.init(key);
                keyed = new KeyedMac(key, mac);
                MACS.set(keyed);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is required by every JVM", e);
            }
        }
        return keyed.mac();
    }

    /** A typed identifier for a lookup by one identifier type, phones read in {@link #DEFAULT_REGION}. */
    public static String typed(String type, String raw) {
        return typed(type, raw, DEFAULT_REGION);
    }

    /** A typed identifier for a lookup by one identifier type, normalised like events are. */
    public static String typed(String type, String raw, String region) {
        String value = switch (type) {
            case CRM, VISITOR -> trimmed(raw);
            case EMAIL -> email(raw);
            case PHONE -> phone(raw, region);
            case HANDLE -> handle(raw);
            default -> throw new IllegalArgumentException("unknown identifier type " + type);
        };
        return value == null ? null : type + ":" + value;
    }

    public static String email(String raw) {
        String value = trimmed(raw);
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    /** {@code Twitter: @Ann} and {@code twitter:ann} are one author; a handle without a platform is kept as given. */
    public static String handle(String raw) {
        String value = trimmed(raw);
        if (value == null) {
            return null;
        }
        value = value.toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
        int colon = value.indexOf(':');
        if (colon > 0 && colon < value.length() - 1 && value.charAt(colon + 1) == '@') {
            value = value.substring(0, colon + 1) + value.substring(colon + 2);
        }
        return value.equals("@") ? null : value;
    }

    /** A phone number read in {@link #DEFAULT_REGION}; see {@link #phone(String, String)}. */
    public static String phone(String raw) {
        return phone(raw, DEFAULT_REGION);
    }

    /**
     * The phone number in E.164 when libphonenumber can read it as a possible number (national numbers
     * in {@code region}); otherwise today's digits-only form: digits, with a leading + when written
     * internationally (+ or 00). Null when the value holds no digit.
     *
     * <p>Why not reject what libphonenumber cannot read: the key must name every caller the way it was
     * sent, and extensions, short codes or a number from a range newer than the library's metadata
     * are still the same caller each time. Such a value is never the E.164 value of another number:
     * without a + it cannot be E.164 at all, and with one it is that number written internationally.
     * profile-service does not link customers through it (it is not an {@link #e164} number).
     */
    public static String phone(String raw, String region) {
        String known = region(region);
        String value = trimmed(raw);
        if (value == null || value.chars().noneMatch(Character::isDigit)) {
            return null;
        }
        String e164 = parsedE164(value, known);
        return e164 != null ? e164 : digitsOnly(value);
    }

    /**
     * The number in E.164, or null when it is not a possible number of a known country. "Possible"
     * (right length for its country) rather than "valid" (an allocated range) so that a key does not
     * change when the library's metadata learns a new range; a number possible only locally (without
     * its area code) is not E.164-able and also gives null.
     */
    public static String e164(String raw, String region) {
        String known = region(region);
        String value = trimmed(raw);
        return value == null ? null : parsedE164(value, known);
    }

    /**
     * The region code in canonical form ("gb" becomes "GB").
     *
     * @throws IllegalArgumentException when libphonenumber does not know the region
     */
    public static String region(String code) {
        String value = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        if (!PHONES.getSupportedRegions().contains(value)) {
            throw new IllegalArgumentException("unknown phone region '" + code
                    + "': use an ISO 3166 two-letter country code such as GB, PL or US");
        }
        return value;
    }

    /**
     * What {@link #parse} made of a region and a trimmed value (empty: not E.164-able). Parsing was 6 %
     * of profile-service's stream thread under the bench (JFR), and a customer's number comes back
     * with each of their events; 10,000 entries are about 2 MB.
     */
    private static final Cache<String, Optional<String>> E164_PARSES =
            Caffeine.newBuilder().maximumSize(10_000).build();

    private static String parsedE164(String value, String region) {
        return E164_PARSES.get(region + ' ' + value, key -> Optional.ofNullable(parse(value, region))).orElse(null);
    }

    private static String parse(String value, String region) {
        try {
            PhoneNumber number = PHONES.parse(value, region);
            return PHONES.isPossibleNumberWithReason(number) == ValidationResult.IS_POSSIBLE
                    ? PHONES.format(number, PhoneNumberFormat.E164) : null;
        } catch (NumberParseException e) {
            return null;
        }
    }

    private static String digitsOnly(String value) {
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

    private static String trimmed(String raw) {
        if (raw == null) {
            return null;
        }
        String value = raw.strip();
        return value.isEmpty() ? null : value;
    }

    private static void add(List<String> out, String type, String value) {
        if (value != null) {
            out.add(type + ":" + value);
        }
    }
}
