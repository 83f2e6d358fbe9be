package io.omnipulse.scoring.streams;

import static io.omnipulse.streamsupport.binary.ContactEventCodec.CHANNELS;
import static io.omnipulse.streamsupport.binary.ContactEventCodec.STATUSES;

import io.omnipulse.events.Channel;
import io.omnipulse.scoring.domain.CustomerState;
import io.omnipulse.scoring.domain.EffortSignal;
import io.omnipulse.scoring.domain.EffortState;
import io.omnipulse.scoring.domain.InteractionRef;
import io.omnipulse.scoring.domain.RecentAnswers;
import io.omnipulse.scoring.domain.RecentInteractions;
import io.omnipulse.streamsupport.binary.BinaryReader;
import io.omnipulse.streamsupport.binary.ContactEventCodec;
import io.omnipulse.streamsupport.binary.BinaryWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What scoring keeps per customer, in its binary formats (the customer store and the folds that
 * carry it to a survivor). Lists keep their order (event time, ties in arrival order); a list or map
 * is its size + 1, then its items; an item's fields follow in declaration order. The effort state's
 * signals come last ({@link EffortCodec#writeSignals}).
 */
final class CustomerStateCodec {

    private CustomerStateCodec() {
    }

    static void writeInteractions(BinaryWriter out, RecentInteractions history) {
        out.varint(history.items().size() + 1);
        for (InteractionRef item : history.items()) {
            writeInteraction(out, item);
        }
    }

    static RecentInteractions readInteractions(BinaryReader in) {
        int count = in.count();
        List<InteractionRef> items = new ArrayList<>(Math.max(count, 0));
        for (int i = 0; i < count; i++) {
            items.add(readInteraction(in));
        }
        return new RecentInteractions(items);
    }

    static void writeAnswers(BinaryWriter out, RecentAnswers answers) {
        out.varint(answers.items().size() + 1);
        for (RecentAnswers.Remembered item : answers.items()) {
            ContactEventCodec.write(out, item.answer());
            out.bool(item.late());
            out.bool(item.rated() != null);
            if (item.rated() != null) {
                writeInteraction(out, item.rated());
            }
        }
    }

    static RecentAnswers readAnswers(BinaryReader in) {
        int count = in.count();
        List<RecentAnswers.Remembered> items = new ArrayList<>(Math.max(count, 0));
        for (int i = 0; i < count; i++) {
            items.add(new RecentAnswers.Remembered(ContactEventCodec.read(in), in.bool(),
                    in.bool() ? readInteraction(in) : null));
        }
        return new RecentAnswers(items);
    }

    static void writeEffort(BinaryWriter out, EffortState effort) {
        out.nullableI32(effort.index());
        out.strings(effort.drivers()).i64(effort.updatedAt());
        CHANNELS.write(out, effort.channel());
        out.string(effort.team()).i64(effort.cesN());
        out.f64(effort.easeSum());
        EffortCodec.writeSignals(out, effort.signals());
    }

    /** A customer's store entry: interactions, answers, effort state. */
    static void writeState(BinaryWriter out, CustomerState state) {
        writeInteractions(out, state.interactions());
        writeAnswers(out, state.answers());
        writeEffort(out, state.effort());
    }

    static CustomerState readState(BinaryReader in) {
        return new CustomerState(readInteractions(in), readAnswers(in), readEffort(in));
    }

    static EffortState readEffort(BinaryReader in) {
        Integer index = in.nullableI32();
        List<String> drivers = in.strings();
        long updatedAt = in.i64();
        Channel channel = CHANNELS.read(in);
        String team = in.string();
        long cesN = in.i64();
        double easeSum = in.f64();
        Set<EffortSignal> signals = EffortCodec.readSignals(in);
        return new EffortState(index, drivers, signals, updatedAt, channel, team, cesN, easeSum);
    }

    /** A merged customer's state: interactions, answers, effort, then (count + 1) seen dedup keys with their millis. */
    static void writeCustomer(BinaryWriter out, CustomerFold customer) {
        writeInteractions(out, customer.interactions());
        writeAnswers(out, customer.answers());
        writeEffort(out, customer.effort());
        out.varint(customer.seen().size() + 1);
        customer.seen().forEach((key, millis) -> out.string(key).i64(millis));
    }

    static CustomerFold readCustomer(BinaryReader in) {
        RecentInteractions interactions = readInteractions(in);
        RecentAnswers answers = readAnswers(in);
        EffortState effort = readEffort(in);
        Map<String, Long> seen = new HashMap<>();
        for (int i = in.count(); i > 0; i--) {
            seen.put(in.string(), in.i64());
        }
        return new CustomerFold(interactions, answers, effort, seen);
    }

    private static void writeInteraction(BinaryWriter out, InteractionRef item) {
        out.i64(item.at()).string(item.conversationId());
        CHANNELS.write(out, item.channel());
        out.string(item.team()).string(item.agentId());
        STATUSES.write(out, item.status());
        out.i32(item.transfers()).i32(item.waitSeconds());
    }

    private static InteractionRef readInteraction(BinaryReader in) {
        return new InteractionRef(in.i64(), in.string(), CHANNELS.read(in), in.string(), in.string(), STATUSES.read(in),
                in.i32(), in.i32());
    }
}
