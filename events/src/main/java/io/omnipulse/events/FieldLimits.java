package io.omnipulse.events;

import java.util.List;

/**
 * The documented bounds of every field that ingest-service accepts, part of the wire contract:
 * nothing longer or out of range ever reaches a topic, so consumers may size buffers, keys and
 * columns by these numbers. Lengths count Unicode code points, as JSON Schema's {@code maxLength}
 * does. {@code contact-event.schema.json} states the same numbers; a test keeps them equal.
 */
public final class FieldLimits {

    /** eventId: room for a channel prefix ("social:" + platform + ":") before a native id of {@link #ID}. */
    public static final int EVENT_ID = 200;
    /** crmId, chatVisitorId, conversationId, agentId, ratesConversationId and native ids: a UUID or URN fits three times. */
    public static final int ID = 128;
    /** source: a system name, also part of the deduplication key that every consumer stores. */
    public static final int SOURCE = 64;
    /** email: the longest forward-path RFC 5321 (4.5.3.1.3) lets an address take. */
    public static final int EMAIL = 254;
    /** phone: E.164 allows 15 digits; room for a plus, spaces, brackets and an extension. */
    public static final int PHONE = 32;
    /** handle: "platform:handle" as keyed, platform ({@link #PLATFORM}) + ':' + native handle ({@link #SOCIAL_HANDLE}). */
    public static final int HANDLE = 128;
    /** A social platform's name ("twitter", "instagram"), part of eventId and handle. */
    public static final int PLATFORM = 24;
    /** A native social handle: the big platforms allow at most 30; generous for the rest. */
    public static final int SOCIAL_HANDLE = 100;
    /** team (and a call's queue): a routing name shown in dashboards and metric-free alert views. */
    public static final int TEAM = 128;
    /** A short native keyword such as a call's disposition or a post's visibility. */
    public static final int KEYWORD = 32;
    /** subject, and e-mail header values (from, to): RFC 5322's line length limit. */
    public static final int SUBJECT = 998;
    /** feedback.comment: a survey's free-text answer; longer is a pasted document, not a comment. */
    public static final int COMMENT = 4_000;
    /** interaction.text: an e-mail body or chat transcript; bounded so one record stays far below Kafka's 1 MB. */
    public static final int TEXT = 20_000;

    /** waitSeconds: 30 days; an e-mail may wait days for an answer, nothing waits longer than a month. */
    public static final int MAX_WAIT_SECONDS = 30 * 24 * 3600;
    /** handleSeconds: 30 days, the same bound; sums of many stay far from int overflow. */
    public static final int MAX_HANDLE_SECONDS = 30 * 24 * 3600;
    /** transfers: a contact passed on more than 100 times is a loop in a routing system, not data. */
    public static final int MAX_TRANSFERS = 100;

    /** Custom CES scales: the lowest allowed minimum; negative points have no survey meaning. */
    public static final int CES_SCALE_MIN = 0;
    /** Custom CES scales: the highest allowed maximum, so scale arithmetic stays small and exact. */
    public static final int CES_SCALE_MAX = 100;
    /** Custom CES scales: max - min at least 2, i.e. at least three answer points (a middle). */
    public static final int CES_MIN_SPAN = 2;

    /** The CES scales in common use, each valid in both directions (CES 1.0 is 1..5, lower is better). */
    public static final List<Scale> KNOWN_CES_SCALES = List.of(
            new Scale(1, 5, true), new Scale(1, 5, false),
            new Scale(1, 7, true), new Scale(1, 7, false),
            new Scale(1, 10, true), new Scale(1, 10, false));

    private FieldLimits() {
    }
}
