package io.omnipulse.scoring.streams;

import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.CustomersMerged;
import io.omnipulse.events.EffortIndexUpdated;
import io.omnipulse.events.ErasureProgress;
import io.omnipulse.events.ErasureRequested;
import io.omnipulse.events.EventType;
import io.omnipulse.events.FeedbackDetails;
import io.omnipulse.events.ScoreUpdated;
import io.omnipulse.events.Topic;
import io.omnipulse.events.Topics;
import io.omnipulse.scoring.config.EffortConfig;
import io.omnipulse.scoring.config.ErasureConfig;
import io.omnipulse.scoring.config.LoopGuardConfig;
import io.omnipulse.scoring.config.ScoringConfig;
import io.omnipulse.scoring.config.WindowsConfig;
import io.omnipulse.scoring.domain.CustomerState;
import io.omnipulse.scoring.domain.EffortAggregate;
import io.omnipulse.scoring.domain.EffortFormula;
import io.omnipulse.scoring.domain.Scope;
import io.omnipulse.scoring.domain.ScopeKey;
import io.omnipulse.scoring.domain.ScopeTotals;
import io.omnipulse.scoring.domain.ScoreTally;
import io.omnipulse.streamsupport.ContactEventGate;
import io.omnipulse.streamsupport.ErasureRequestGate;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Resolved contact events in, scores per scope and window out: answers and interactions -> each
 * event once -> answers attributed to the interaction they rate (per customer) -> the customer's own
 * day buckets and all-time tally, on the customer's partition, and one sum per shared scope key and
 * commit, repartitioned by scope key -> the shared scope keys' day buckets and all-time tallies ->
 * {@link ScoreUpdated}. A customer's score is published in the transaction that attributed the answer.
 *
 * <p>Merges fold the merged customer's state into the survivor, exactly, in one hop: the merge
 * (keyed by the merged id) takes the customer-keyed state and the tallies of its scope key out (both
 * on the merged id's partition) and sends them to the survivor's partition through
 * {@link Topics#SCORING_MERGE_FOLDS}; the survivor's partition folds the customer state in and adds
 * the tallies to the survivor's scope key. The merged id is remembered with its survivor, so that
 * whatever still arrives for it follows.
 *
 * <p>Arrival order does not change a score: an answer that comes before the interaction it rates is
 * re-attributed when that interaction arrives (a retraction from the old scope keys and a count in the
 * new ones); and the trailing windows move on with the day even for a scope key that gets no new
 * response ({@link TallyWindows}).
 *
 * <p>Erasures (GDPR art. 17, {@link Topics#ERASURES}, co-partitioned with {@link #SOURCE}): the customer's
 * partition deletes its customer-keyed state and remembers it as erased ({@link EraseCustomer}), tombstones
 * its effort index, takes it out of the effort aggregates and tells the ids merged into it; then it
 * forgets its scope key's tallies and reports the request done on {@link Topics#ERASURE_PROGRESS}.
 * Shared scope keys keep their counts. What still arrives for the customer from before the erasure is
 * dropped ({@link DropErased}).
 */
@Singleton
public class ScoringTopology {

    /** The input: contact events keyed by the resolved (surviving) customer id. */
    public static final Topic<String, ContactEvent> SOURCE = Topics.RESOLVED_EVENTS;
    /** Customer merges, keyed by the merged id (co-partitioned with {@link #SOURCE}). */
    public static final Topic<String, CustomersMerged> MERGES = Topics.CUSTOMER_MERGES;
    /**
     * Redirected events and merged customers' state, keyed by the survivor (co-partitioned with {@link #SOURCE}):
     * the folds topic of the default application id, the one the catalog provisions ({@link #foldsTopicOf}).
     */
    public static final String FOLDS = Topics.SCORING_MERGE_FOLDS.name();
    /** What the folds topic's name adds to the application id. */
    static final String FOLDS_TOPIC_SUFFIX = "-merge-folds";
    /** Requests to forget a customer, keyed by the customer id (co-partitioned with {@link #SOURCE}). */
    public static final Topic<String, ErasureRequested> ERASURES = Topics.ERASURES;
    /** Where scoring reports its part of an erasure done, keyed by erasure id. */
    public static final Topic<String, ErasureProgress> ERASURE_PROGRESS = Topics.ERASURE_PROGRESS;

    /** Event ids already counted per customer ({@code customer NUL source/eventId} -> wall-clock millis first seen). */
    public static final String SEEN_EVENTS_STORE = "seen-events";
    /** Event-time clock of each input partition (one entry, latest occurredAt seen). */
    public static final String EVENT_CLOCK_STORE = "event-clock";
    /**
     * Per customer ({@link CustomerState}): recent interactions, to attribute answers; recent answers, to
     * re-attribute them when the interaction they rate comes after them; the effort index, its drivers,
     * latest channel and team and CES answers.
     */
    public static final String CUSTOMERS_STORE = "customers";
    /**
     * All-time tally, late count and clock per shared scope key (global, channel, team, agent;
     * {@code scope|key} -> {@link ScopeTotals}).
     */
    public static final String TALLIES_STORE = "score-tallies";
    /** One tally per shared scope key and UTC day ({@code scope|key#epochDay} -> {@link ScoreTally}). */
    public static final String BUCKETS_STORE = "score-buckets";
    /** Event-time clock of each scope-key partition, and where its trailing windows were last rolled over to. */
    public static final String SCORE_CLOCK_STORE = "score-clock";
    /**
     * As {@link #TALLIES_STORE}, for customers' own scope keys ({@code customer|id}), on the customer's
     * partition (placed by the customer id, not by the scope key).
     */
    public static final String CUSTOMER_TALLIES_STORE = "customer-score-tallies";
    /** As {@link #BUCKETS_STORE}, for customers' own scope keys, on the customer's partition. */
    public static final String CUSTOMER_BUCKETS_STORE = "customer-score-buckets";
    /** As {@link #SCORE_CLOCK_STORE}, for the responses of each customer partition. */
    public static final String CUSTOMER_SCORE_CLOCK_STORE = "customer-score-clock";
    /** The tally stage of the shared scope keys, after the repartition by scope key. */
    static final TallyWindows.Stores SHARED_TALLIES = new TallyWindows.Stores(SCORE_CLOCK_STORE, TALLIES_STORE,
            BUCKETS_STORE);
    /** The tally stage of customers' own scope keys, on the customer's partition. */
    static final TallyWindows.Stores CUSTOMER_TALLIES = new TallyWindows.Stores(CUSTOMER_SCORE_CLOCK_STORE,
            CUSTOMER_TALLIES_STORE, CUSTOMER_BUCKETS_STORE);
    /** Both tally stages. */
    static final List<TallyWindows.Stores> TALLY_STAGES = List.of(SHARED_TALLIES, CUSTOMER_TALLIES);

    /** The stores that hold the tallies of {@code scopeKey} (a {@link ScopeKey#format()}). */
    static TallyWindows.Stores talliesOf(String scopeKey) {
        return ScopeKey.isCustomerScope(scopeKey) ? CUSTOMER_TALLIES : SHARED_TALLIES;
    }
    /** Name of the repartition by scope key (topic {@code <application-id>-responses-by-scope-repartition}). */
    public static final String BY_SCOPE = "responses-by-scope";
    /**
     * Effort index over customers, and their signals, per scope key ({@code global|all}, {@code channel|call},
     * {@code team|x}; {@link EffortAggregate}).
     */
    public static final String EFFORT_AGGREGATES_STORE = "effort-aggregates";
    /** Name of the repartition of effort changes by scope key. */
    public static final String EFFORT_BY_SCOPE = "effort-by-scope";
    /** The latest {@link ScoreUpdated} per shared scope key's window since the last commit ({@link PublishLatest}; not logged). */
    public static final String LATEST_SCORES_STORE = "latest-score-updates";
    /** As {@link #LATEST_SCORES_STORE}, for customers' own windows. */
    public static final String LATEST_CUSTOMER_SCORES_STORE = "latest-customer-score-updates";
    /** The latest {@link EffortIndexUpdated} per customer since the last commit ({@link PublishLatest}; not logged). */
    public static final String LATEST_EFFORT_STORE = "latest-effort-indexes";
    /** The responses to each shared scope key since the commit, summed ({@link SumPerScopeKey}; not logged). */
    public static final String SCOPE_SUMS_STORE = "responses-per-scope-key";
    /** The effort changes to each scope key since the commit, summed ({@link SumUntilCommit}; not logged). */
    public static final String EFFORT_SUMS_STORE = "effort-changes-per-scope-key";
    /** Merged customer id -> its survivor ({@link MergedInto}), kept for the merge retention. */
    public static final String MERGED_CUSTOMERS_STORE = "merged-customers";
    /**
     * The ids whose pointer names a customer ({@code customer NUL merged id} -> wall-clock millis noted),
     * on that customer's partition, kept for the merge retention: where an erasure finds them.
     */
    public static final String MERGED_IDS_STORE = "merged-ids";
    /**
     * Erased customer ids (and the ids merged into them) -> when the erasure was requested (epoch
     * millis), kept for the erasure retention: their events from before it are dropped.
     */
    public static final String ERASED_CUSTOMERS_STORE = "erased-customers";

    /** The default of {@link LoopGuardConfig#maxHops()}. */
    static final int DEFAULT_MAX_LOOP_HOPS = 64;
    /** The defaults of {@link ErasureConfig}. */
    static final ErasureConfig DEFAULT_ERASURE = () -> Duration.ofDays(30);

    // Every internal value (repartitions, merge folds, stores) is binary (InternalSerdes); only the
    // public topics are JSON, with the serdes of the events module's catalog.
    static final Serde<ScopeUpdate> SCOPE_UPDATE_SERDE = InternalSerdes.SCOPE_UPDATE;
    static final Serde<MergeFold> FOLD_SERDE = InternalSerdes.FOLD;
    static final Serde<MergedInto> MERGED_SERDE = InternalSerdes.MERGED;
    static final Serde<ScopeTotals> TOTALS_SERDE = InternalSerdes.TOTALS;
    static final Serde<CustomerState> CUSTOMER_SERDE = InternalSerdes.CUSTOMER;
    static final Serde<ScoreTally> BUCKET_SERDE = InternalSerdes.BUCKET;
    static final Serde<EffortAggregate> EFFORT_SUM_SERDE = InternalSerdes.EFFORT_SUM;

    private final ScoringConfig config;
    private final WindowsConfig windows;
    private final EffortConfig effort;
    private final ErasureConfig erasure;
    private final ScoringMetrics metrics;
    private final boolean inMemory;
    private final int maxLoopHops;
    private final String folds;

    @Inject
    public ScoringTopology(ScoringConfig config, WindowsConfig windows, EffortConfig effort, ErasureConfig erasure,
            LoopGuardConfig guard, ScoringMetrics metrics,
            @ConfigProperty(name = "quarkus.kafka-streams.application-id") String applicationId) {
        this(config, windows, effort, erasure, metrics, false, guard.maxHops(), foldsTopicOf(applicationId));
    }

    /** {@code inMemory}: in-memory stores, for TopologyTestDriver tests (RocksDB flushes on every commit there). */
    ScoringTopology(ScoringConfig config, WindowsConfig windows, EffortConfig effort, ScoringMetrics metrics,
            boolean inMemory) {
        this(config, windows, effort, DEFAULT_ERASURE, metrics, inMemory, DEFAULT_MAX_LOOP_HOPS, FOLDS);
    }

    ScoringTopology(ScoringConfig config, WindowsConfig windows, EffortConfig effort, ScoringMetrics metrics,
            boolean inMemory, int maxLoopHops) {
        this(config, windows, effort, DEFAULT_ERASURE, metrics, inMemory, maxLoopHops, FOLDS);
    }

    ScoringTopology(ScoringConfig config, WindowsConfig windows, EffortConfig effort, ErasureConfig erasure,
            ScoringMetrics metrics, boolean inMemory, int maxLoopHops, String folds) {
        this.config = config;
        this.windows = windows;
        this.effort = effort;
        this.erasure = erasure;
        this.metrics = metrics;
        this.inMemory = inMemory;
        this.maxLoopHops = maxLoopHops;
        this.folds = folds;
        metrics.loopGuard(folds);
    }

    /**
     * The folds topic belongs to one application id: a new id rebuilds scoring's state from the input,
     * merges included, and so sends every fold again; reading the folds the old id sent as well would
     * fold them in twice.
     */
    public static String foldsTopicOf(String applicationId) {
        return applicationId + FOLDS_TOPIC_SUFFIX;
    }

    @Produces
    public Topology topology() {
        StreamsBuilder builder = new StreamsBuilder();
        uncachedStore(builder, SEEN_EVENTS_STORE, Serdes.Long());
        store(builder, EVENT_CLOCK_STORE, Serdes.Long());
        uncachedStore(builder, CUSTOMERS_STORE, CUSTOMER_SERDE);
        store(builder, SHARED_TALLIES.totals(), TOTALS_SERDE);
        store(builder, SHARED_TALLIES.buckets(), BUCKET_SERDE);
        store(builder, SHARED_TALLIES.clock(), Serdes.Long());
        uncachedStore(builder, CUSTOMER_TALLIES.totals(), TOTALS_SERDE);
        uncachedStore(builder, CUSTOMER_TALLIES.buckets(), BUCKET_SERDE);
        store(builder, CUSTOMER_TALLIES.clock(), Serdes.Long());
        store(builder, EFFORT_AGGREGATES_STORE, EFFORT_SUM_SERDE);
        uncachedStore(builder, MERGED_CUSTOMERS_STORE, MERGED_SERDE);
        uncachedStore(builder, MERGED_IDS_STORE, Serdes.Long());
        uncachedStore(builder, ERASED_CUSTOMERS_STORE, Serdes.Long());
        untilCommit(builder, SCOPE_SUMS_STORE);
        untilCommit(builder, EFFORT_SUMS_STORE);
        untilCommit(builder, LATEST_SCORES_STORE);
        untilCommit(builder, LATEST_CUSTOMER_SCORES_STORE);
        untilCommit(builder, LATEST_EFFORT_STORE);

        // Events and folds keyed by a merged id go on to its survivor; the rest stays here.
        KStream<String, MergeFold> events = builder
                .stream(SOURCE.name(), Consumed.with(SOURCE.keySerde(), ContactEventGate.gated(SOURCE.valueSerde()))
                        .withName("resolved-events"))
                .filter((customer, event) -> customer != null && isCountable(event), Named.as("answers-and-interactions"))
                .<MergeFold>mapValues(MergeFold::event, Named.as("as-fold"));
        KStream<String, FollowMerges.Routed> routed = builder
                .stream(folds, Consumed.with(Serdes.String(), FOLD_SERDE).withName("merge-folds"))
                .merge(events, Named.as("events-and-folds"))
                .processValues(() -> new FollowMerges(metrics, maxLoopHops, folds), Named.as("follow-merges"),
                        MERGED_CUSTOMERS_STORE, MERGED_IDS_STORE);
        routed.filter((customer, r) -> r.survivor() != null, Named.as("for-merged-ids"))
                .map((customer, r) -> KeyValue.pair(r.survivor(), r.fold().nextHop()), Named.as("to-survivor"))
                .to(folds, toFolds("follow-to-survivor"));
        // What arrives for an erased customer from before its erasure goes no further; a merged
        // customer's state that came too late is turned back into an erasure of the merged id.
        KStream<String, FollowMerges.Routed> guarded = routed
                .filter((customer, r) -> r.survivor() == null, Named.as("not-merged"))
                .mapValues(FollowMerges.Routed::fold, Named.as("routed-fold"))
                .processValues(() -> new DropErased(metrics), Named.as("drop-erased"), ERASED_CUSTOMERS_STORE,
                        MERGED_IDS_STORE);
        guarded.filter((customer, r) -> r.survivor() != null, Named.as("too-late-for-erased"))
                .map((customer, r) -> KeyValue.pair(r.survivor(), r.fold()), Named.as("erase-merged-id-instead"))
                .to(folds, toFolds("erasures-to-late-merged-ids"));
        KStream<String, MergeFold> here = guarded.filter((customer, r) -> r.survivor() == null, Named.as("not-erased"))
                .mapValues(FollowMerges.Routed::fold, Named.as("guarded-fold"));

        EffortFormula formula = new EffortFormula(effort);
        KStream<String, CustomerOutput> perCustomer = here
                .filter((customer, fold) -> fold instanceof MergeFold.Event, Named.as("events"))
                .mapValues(fold -> ((MergeFold.Event) fold).event(), Named.as("event"))
                .processValues(() -> new DropDuplicates(SEEN_EVENTS_STORE, config.dedupRetention(),
                        config.dedupPurgeInterval(), metrics), Named.as("drop-duplicates"), SEEN_EVENTS_STORE)
                .processValues(() -> new AttributeAndTrackEffort(config, formula, metrics),
                        Named.as("attribute-and-track-effort"), EVENT_CLOCK_STORE, CUSTOMERS_STORE);
        KStream<String, Attributed> attributed = perCustomer
                .filter((customer, out) -> out instanceof Attributed, Named.as("attributed"))
                .mapValues(out -> (Attributed) out, Named.as("as-attributed"));
        KStream<String, EffortChange> tracked = perCustomer
                .filter((customer, out) -> out instanceof EffortChange, Named.as("effort-tracked"))
                .mapValues(out -> (EffortChange) out, Named.as("as-effort-change"));
        KStream<String, FoldOutMerged.Out> foldedOut = builder
                .stream(MERGES.name(), Consumed.with(MERGES.keySerde(), MERGES.valueSerde()).withName("customer-merges"))
                .filter(ScoringTopology::isFoldable, Named.as("foldable-merges"))
                .processValues(() -> new FoldOutMerged(config.mergeRetention(), config.dedupPurgeInterval(), metrics),
                        Named.as("fold-out-merged"), MERGED_CUSTOMERS_STORE, CUSTOMERS_STORE, SEEN_EVENTS_STORE);
        // Sent even when empty: it tells the survivor's partition that the survivor lives as of this
        // merge, so that a stale pointer from the survivor (a reverse merge) is dropped there.
        foldedOut.map((merged, out) -> KeyValue.<String, MergeFold>pair(out.survivor(),
                        MergeFold.customer(merged, out.customer(), out.mergeTime())), Named.as("customer-to-survivor"))
                .to(folds, toFolds("customer-folds"));

        KStream<String, Erasure> erased = erasures(builder, here);
        erased.filter((id, e) -> e instanceof Erasure.MergedIdErased, Named.as("merged-ids-of-erased"))
                .<MergeFold>mapValues(e -> ((Erasure.MergedIdErased) e).fold(), Named.as("erasure-fold"))
                .to(folds, toFolds("erasures-to-merged-ids"));

        scores(attributed, here, foldedOut, erased);
        effort(tracked, formula, here, foldedOut, erased);
        return builder.build();
    }

    /**
     * Requests (validated as they are read: see {@link ErasureRequestGate}) and erasures of merged ids
     * that reached their partition, applied to the customer-keyed stores.
     */
    private KStream<String, Erasure> erasures(StreamsBuilder builder, KStream<String, MergeFold> here) {
        KStream<String, EraseOrder> requested = builder
                .stream(ERASURES.name(), Consumed.with(ERASURES.keySerde(), ErasureRequestGate.gated(ERASURES.valueSerde()))
                        .withName("erasure-requests"))
                .filter((customer, request) -> request != null, Named.as("erasure-requests-only"))
                .mapValues(EraseOrder.Requested::new, Named.as("requested"));
        KStream<String, EraseOrder> ofMergedIds = here
                .filter((id, fold) -> fold instanceof MergeFold.Erase, Named.as("erasure-folds"))
                .mapValues(fold -> {
                    MergeFold.Erase erase = (MergeFold.Erase) fold;
                    return new EraseOrder.MergedId(erase.erased(), erase.requestedAt());
                }, Named.as("merged-id-erased"));
        return requested.merge(ofMergedIds, Named.as("erase-orders"))
                .process(() -> new EraseCustomer(erasure.retention(), config.mergeRetention(), config.dedupPurgeInterval(),
                        metrics), Named.as("erase-customer"), ERASED_CUSTOMERS_STORE, MERGED_IDS_STORE,
                        MERGED_CUSTOMERS_STORE, CUSTOMERS_STORE, SEEN_EVENTS_STORE);
    }

    /**
     * Responses fan out to one record per scope key. The customer's own scope key is tallied here, on
     * the customer's partition, with its merges (the merged customer's scope key hands over, the
     * survivor's absorbs) and its erasure, in the order this partition processes them; its score is
     * published in the same transaction as the attribution. The shared scope keys are summed per commit
     * and tallied after the repartition by scope key.
     */
    private void scores(KStream<String, Attributed> attributed, KStream<String, MergeFold> here,
            KStream<String, FoldOutMerged.Out> foldedOut, KStream<String, Erasure> erased) {
        KStream<String, ScopeUpdate> responses = attributed
                .filter((customer, a) -> a.event().isFeedback(), Named.as("responses-only"))
                // One response becomes one record per scope it counts in (a re-attributed one, per scope it
                // leaves or enters).
                .flatMap((customer, a) -> a.toScopes(customer), Named.as("fan-out-to-scopes"));
        KStream<String, ScopeUpdate> handOvers = foldedOut.map((merged, o) -> KeyValue.pair(
                customerScope(merged), ScopeUpdate.handOver(o.survivor())), Named.as("hand-over-customer-scope"));
        KStream<String, ScopeUpdate> absorbs = here
                .filter((customer, fold) -> fold instanceof MergeFold.Tallies, Named.as("scope-folds"))
                .map((survivor, fold) -> KeyValue.pair(customerScope(survivor),
                        ScopeUpdate.absorb(((MergeFold.Tallies) fold).scope())),
                        Named.as("absorb-customer-scope"));
        // Sent by the erased customer's partition after everything else it did for that customer.
        KStream<String, ScopeUpdate> forgets = erased
                .filter((scopeKey, e) -> e instanceof Erasure.ToScopeKey, Named.as("erased-scope-keys"))
                .mapValues(e -> ((Erasure.ToScopeKey) e).update(), Named.as("forget-customer-scope"));
        // Keyed by the customer scope key from here on, but still on the customer's partition: its stores
        // are queried by the customer id (ScoreQueries), and nothing here repartitions.
        KStream<String, ScopeOutput> customers = responses
                .filter((scopeKey, update) -> ScopeKey.isCustomerScope(scopeKey), Named.as("customer-scope-responses"))
                .merge(handOvers, Named.as("customer-responses-and-hand-overs"))
                .merge(absorbs, Named.as("customer-responses-and-merges"))
                .merge(forgets, Named.as("customer-responses-merges-and-erasures"))
                .process(() -> new TallyWindows(config, windows, CUSTOMER_TALLIES), Named.as("tally-customer-windows"),
                        CUSTOMER_TALLIES.names());
        publishScores(customers, LATEST_CUSTOMER_SCORES_STORE, "customer-");
        customers.filter((key, o) -> o instanceof ScopeOutput.ToSurvivor, Named.as("handed-over"))
                .map((key, o) -> KeyValue.pair(((ScopeOutput.ToSurvivor) o).survivor(), ((ScopeOutput.ToSurvivor) o).fold()),
                        Named.as("scope-to-survivor"))
                .to(folds, toFolds("scope-folds-to-survivor"));
        customers.filter((erasureId, o) -> o instanceof ScopeOutput.ErasureDone, Named.as("erasures-done"))
                .mapValues(o -> ((ScopeOutput.ErasureDone) o).progress(), Named.as("erasure-progress-done"))
                .to(ERASURE_PROGRESS.name(), Produced.with(ERASURE_PROGRESS.keySerde(), ERASURE_PROGRESS.valueSerde())
                        .withName("erasure-progress"));

        // Every response lands on global|all (hence on one partition) and on its channel and team: these
        // keys leave summed, once per key and commit.
        KStream<String, ScopeOutput> shared = responses
                .filter((scopeKey, update) -> !ScopeKey.isCustomerScope(scopeKey), Named.as("shared-scope-responses"))
                .process(() -> new SumPerScopeKey(SCOPE_SUMS_STORE), Named.as("sum-per-scope-key"), SCOPE_SUMS_STORE)
                .repartition(Repartitioned.with(Serdes.String(), SCOPE_UPDATE_SERDE).withName(BY_SCOPE))
                .process(() -> new TallyWindows(config, windows, SHARED_TALLIES), Named.as("tally-windows"),
                        SHARED_TALLIES.names());
        publishScores(shared, LATEST_SCORES_STORE, "");
    }

    /**
     * A tally stage's windows and tombstones to cx.score-updates.v1. Compacted: a scope key's windows
     * change with nearly every response; published once per key and commit. A forgotten window is a
     * tombstone (null), published at once. {@code prefix} names the stage's processors apart.
     */
    private static void publishScores(KStream<String, ScopeOutput> tallied, String latestStore, String prefix) {
        Topic<String, ScoreUpdated> out = Topics.SCORE_UPDATES;
        tallied.filter((key, o) -> o instanceof ScopeOutput.Score || o instanceof ScopeOutput.Forgotten,
                        Named.as(prefix + "score-changes"))
                .mapValues(o -> o instanceof ScopeOutput.Score score ? score.update() : null, Named.as(prefix + "score"))
                .process(() -> new PublishLatest<>(latestStore, OutgoingEvents.SCORES),
                        Named.as(prefix + "latest-score-per-key"), latestStore)
                .to(out.name(), Produced.with(out.keySerde(), Serdes.ByteArray()).withName(prefix + "score-updates"));
    }

    private static Produced<String, MergeFold> toFolds(String name) {
        return Produced.with(Serdes.String(), FOLD_SERDE).withName(name);
    }

    private static String customerScope(String customerId) {
        return new ScopeKey(Scope.CUSTOMER, customerId).format();
    }

    /**
     * Per customer: the effort index from their recent interactions, published when it changes; and
     * each change taken out of and into the per-scope aggregates (summed per scope key until the
     * commit, then repartitioned by scope key). A merged
     * customer leaves the aggregates; its survivor's index is recomputed over both customers' interactions.
     */
    private void effort(KStream<String, EffortChange> tracked, EffortFormula formula, KStream<String, MergeFold> here,
            KStream<String, FoldOutMerged.Out> foldedOut, KStream<String, Erasure> erased) {
        Topic<String, EffortIndexUpdated> indexes = Topics.EFFORT_INDEX;
        KStream<String, EffortChange> foldedIn = here
                .filter((customer, fold) -> fold instanceof MergeFold.Customer, Named.as("customer-folds-in"))
                .mapValues(fold -> (MergeFold.Customer) fold, Named.as("as-customer-fold"))
                .processValues(() -> new FoldInMerged(config, formula), Named.as("fold-in-merged"),
                        CUSTOMERS_STORE, SEEN_EVENTS_STORE);
        KStream<String, EffortChange> left = foldedOut
                .filter((merged, out) -> out.effort() != null, Named.as("merged-with-effort"))
                .mapValues(FoldOutMerged.Out::effort, Named.as("merged-effort-out"));
        KStream<String, EffortChange> erasedLeft = erased
                .filter((customer, e) -> e instanceof Erasure.EffortLeft, Named.as("erased-with-effort"))
                .mapValues(e -> ((Erasure.EffortLeft) e).change(), Named.as("erased-effort-out"));
        KStream<String, EffortIndexUpdated> tombstones = erased
                .filter((customer, e) -> e instanceof Erasure.IndexForgotten, Named.as("erased-effort-indexes"))
                .mapValues(e -> (EffortIndexUpdated) null, Named.as("effort-index-tombstone"));
        KStream<String, EffortChange> changes = tracked.merge(foldedIn, Named.as("tracked-and-folded-in"))
                .merge(left, Named.as("effort-changes-and-merged"))
                .merge(erasedLeft, Named.as("effort-changes"));
        // A merged or erased customer's change (to no index) leaves the aggregates but is no index to publish.
        changes.filter((customer, change) -> change.after().index() != null
                        && change.after().indexDiffers(change.before()), Named.as("index-changed"))
                .map((customer, change) -> KeyValue.pair(customer, new EffortIndexUpdated(customer,
                        change.after().index(), change.after().drivers(), Instant.ofEpochMilli(change.after().updatedAt()))),
                        Named.as("to-effort-index-updated"))
                // An erased customer's key: a tombstone, published at once (and after its last index).
                .merge(tombstones, Named.as("effort-indexes-and-tombstones"))
                // Compacted, keyed by customer: published once per customer and commit.
                .process(() -> new PublishLatest<>(LATEST_EFFORT_STORE, OutgoingEvents.EFFORT_INDEXES),
                        Named.as("latest-effort-index-per-customer"), LATEST_EFFORT_STORE)
                .to(indexes.name(), Produced.with(indexes.keySerde(), Serdes.ByteArray()).withName("effort-index"));
        changes.flatMap((customer, change) -> change.deltas(), Named.as("effort-deltas-by-scope"))
                .process(() -> new SumUntilCommit<>(EFFORT_SUMS_STORE, EffortAggregate::plus),
                        Named.as("sum-effort-deltas-per-scope-key"), EFFORT_SUMS_STORE)
                .repartition(Repartitioned.with(Serdes.String(), EFFORT_SUM_SERDE).withName(EFFORT_BY_SCOPE))
                .process(SumEffort::new, Named.as("sum-effort"), EFFORT_AGGREGATES_STORE);
    }

    /**
     * A merge keyed by its merged id: into another customer, or into itself (the id lives again);
     * anything else cannot be folded.
     */
    private static boolean isFoldable(String merged, CustomersMerged merge) {
        return merged != null && merge != null && merged.equals(merge.mergedId()) && merge.survivorId() != null;
    }

    /**
     * Cached: a store of few, busy keys (global|all, a channel, a team, a partition's clock), each put
     * many times between two commits, is written to its changelog once per commit with its latest
     * value; reads (also interactive queries) see the latest value through the cache. No processor
     * reads a changelog.
     */
    private <V> void store(StreamsBuilder builder, String name, Serde<V> values) {
        builder.addStateStore(Stores.keyValueStoreBuilder(supplier(name), Serdes.String(), values).withCachingEnabled());
    }

    /**
     * Not cached: a store keyed by customer, merged or erased id or event, whose keys seldom come back
     * within a commit interval, so that a cache would write each of them to the changelog as often
     * as without it, and cost a sorted-map lookup, insert and eviction per read and write on top:
     * profiled under the bench, the record cache took 12 % of the stream thread, half of it on
     * such keys (a miss also went on to RocksDB), and the customers changelog took ~1 record per event
     * with the cache as well as without it.
     */
    private <V> void uncachedStore(StreamsBuilder builder, String name, Serde<V> values) {
        builder.addStateStore(Stores.keyValueStoreBuilder(supplier(name), Serdes.String(), values));
    }

    private KeyValueBytesStoreSupplier supplier(String name) {
        return inMemory ? Stores.inMemoryKeyValueStore(name) : Stores.persistentKeyValueStore(name);
    }

    /**
     * The hook of values held until the commit ({@link CommitFlush}: {@link PublishLatest},
     * {@link SumPerScopeKey}, {@link SumUntilCommit}): a store that keeps nothing ({@link CommitHookStore})
     * and tells its processor when the commit comes; no cache (the flush of its cache is the signal it
     * passes on) and not logged (what was held when a task failed belongs to an aborted transaction and
     * is recomputed).
     */
    private static void untilCommit(StreamsBuilder builder, String name) {
        builder.addStateStore(Stores.keyValueStoreBuilder(CommitHookStore.supplier(name), Serdes.String(), Serdes.ByteArray())
                .withCachingDisabled().withLoggingDisabled());
    }

    /**
     * An interaction, or a response with a score on its scale, with an id to deduplicate by and an
     * event time. Answers off their scale or without an id cannot be counted exactly once; they are
     * counted as rejected, never silently lost. Skipped answers are not responses.
     */
    private boolean isCountable(ContactEvent event) {
        if (event == null || event.occurredAt() == null) {
            return false;
        }
        boolean identified = event.eventId() != null && event.source() != null;
        if (event.type() == EventType.INTERACTION) {
            return identified;
        }
        FeedbackDetails feedback = event.feedback();
        if (!event.isFeedback()) {
            return false;
        }
        if (ScoreTally.isInvalidAnswer(feedback) || (!identified && feedback.answered())) {
            metrics.answerRejected();
            return false;
        }
        return identified && ScoreTally.isResponse(feedback);
    }
}
