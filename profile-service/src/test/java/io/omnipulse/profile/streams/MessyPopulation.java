package io.omnipulse.profile.streams;

import static io.omnipulse.profile.TestEvents.at;
import static io.omnipulse.profile.TestEvents.interaction;

import io.omnipulse.events.Channel;
import io.omnipulse.events.ContactEvent;
import io.omnipulse.events.CustomerIds;
import io.omnipulse.events.CustomerKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A messy population for loop tests, in arrival order: people seen through partial and overlapping
 * identifiers, events arriving out of event-time order (a late, earlier event makes another identifier
 * the oldest, so merges go both ways), an office number that ends up shared (splits), junk values,
 * crmId conflicts, bridges between people and re-sends of earlier events.
 */
final class MessyPopulation {

    static final String OFFICE = "020 7000 0000";

    private MessyPopulation() {
    }

    static List<ContactEvent> events(Random random, int people, int count) {
        List<ContactEvent> events = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            if (n > 10 && random.nextInt(12) == 0) {
                events.add(events.get(random.nextInt(events.size()))); // a re-send
                continue;
            }
            int p = random.nextInt(people);
            int q = (p + 1 + random.nextInt(people - 1)) % people;
            String crm = p % 4 == 0 ? "C-" + p : null;
            String email = random.nextBoolean() ? "p" + p + "@example.com" : "P" + p + ".alt@Example.com";
            String phone = random.nextInt(6) == 0 ? OFFICE : "+44 20 7946 " + (1000 + p);
            String handle = "twitter:@p" + p;
            String visitor = random.nextInt(10) == 0 ? "unknown" : "v-" + p;
            CustomerIds who = switch (random.nextInt(11)) {
                case 0 -> new CustomerIds(crm, null, "+44 20 7946 " + (1000 + q), null, null);
                case 1 -> new CustomerIds(null, email, null, null, "v-" + q);
                case 2 -> new CustomerIds(crm, email, null, null, null);
                case 3 -> new CustomerIds(null, email, phone, null, null);
                case 4 -> new CustomerIds(null, null, phone, handle, null);
                case 5 -> new CustomerIds(null, null, null, handle, visitor);
                case 6 -> new CustomerIds(crm, null, null, null, visitor);
                case 7 -> new CustomerIds(null, email, OFFICE, null, null);
                case 8 -> new CustomerIds(random.nextInt(4) == 0 ? "C-" + q : null, null, phone, null, "v-" + q);
                case 9 -> new CustomerIds(null, null, phone, null, visitor);
                default -> new CustomerIds(null, email, null, null, null);
            };
            if (CustomerKeys.customerId(who) == null) {
                who = new CustomerIds(null, email, null, null, null);
            }
            Channel channel = Channel.values()[random.nextInt(Channel.values().length)];
            // Mostly in event-time order, with a tail of late, earlier events.
            int minute = random.nextInt(5) == 0 ? random.nextInt(Math.max(1, n)) : n * 2 + random.nextInt(5);
            events.add(interaction("ev-" + n, channel, at(minute), who));
        }
        return events;
    }
}
