package io.omnipulse.alerting.notify;

import io.omnipulse.alerting.persistence.NotificationDelivery;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * How long a claimed batch of deliveries is kept from other instances: as long as delivering it can
 * take, plus a margin. A lease shorter than that lets another instance claim a delivery that is still
 * in flight and send it a second time.
 *
 * <p>A batch goes out {@code concurrency} alerts at a time, one alert's deliveries one after another,
 * each bounded by its channel's timeout. However the executor orders them, such a schedule ends
 * within the longest alert's bound plus the others' divided by the concurrency (Graham's bound for
 * greedy list scheduling: the alert that ends last started when every sender was busy). A fixed
 * lease (the webhook timeout plus 30 s) was shorter than that as soon as a batch held more than a few
 * alerts whose receivers were slow.
 *
 * @param webhook bound of one webhook delivery (the whole exchange)
 * @param mail    bound of one mail (quarkus.mailer.timeout)
 */
record BatchLease(Duration webhook, Duration mail, int concurrency, Duration margin) {

    /** {@code channelsPerAlert}: the channel of each claimed delivery, per alert. */
    Duration of(Collection<? extends List<String>> channelsPerAlert) {
        long total = 0;
        long longest = 0;
        for (List<String> channels : channelsPerAlert) {
            long lane = channels.stream().mapToLong(this::boundMillis).sum();
            total += lane;
            longest = Math.max(longest, lane);
        }
        // The alert that ends last started once every sender was busy with the others' deliveries.
        long waited = (total - longest + concurrency - 1) / concurrency;
        return Duration.ofMillis(waited + longest).plus(margin);
    }

    private long boundMillis(String channel) {
        return (NotificationDelivery.WEBHOOK.equals(channel) ? webhook : mail).toMillis();
    }
}
