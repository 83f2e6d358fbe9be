package io.omnipulse.alerting.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnipulse.alerting.persistence.NotificationDelivery;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BatchLeaseTest {

    private static final Duration WEBHOOK = Duration.ofSeconds(5);
    private static final Duration MAIL = Duration.ofSeconds(60);
    private static final int CONCURRENCY = 8;
    private static final Duration MARGIN = Duration.ofSeconds(30);
    private static final BatchLease LEASE = new BatchLease(WEBHOOK, MAIL, CONCURRENCY, MARGIN);

    /**
     * Every receiver as slow as its timeout allows, the alerts taken in any order by 8 senders: the
     * batch is done before its lease ends (less the margin for recording it). Random batches of up to
     * 50 deliveries, up to 6 per alert.
     */
    @Test
    void aBatchWhoseReceiversAllTimeOutIsDeliveredWithinItsLease() {
        Random random = new Random(20261130L);
        for (int round = 0; round < 2_000; round++) {
            List<List<String>> alerts = randomBatch(random);
            Duration lease = LEASE.of(alerts);
            for (int order = 0; order < 5; order++) {
                Collections.shuffle(alerts, random);
                assertThat(slowestSchedule(alerts).plus(MARGIN)).as("batch %s", alerts).isLessThanOrEqualTo(lease);
            }
        }
    }

    @Test
    void aFullBatchOfSlowMailsIsLeasedForMinutesNotTheWebhookTimeout() {
        List<List<String>> alerts = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            alerts.add(List.of(NotificationDelivery.WEBHOOK, NotificationDelivery.EMAIL));
        }
        // 25 alerts of 65 s each, 8 at a time: four rounds, 260 s when every receiver hangs.
        assertThat(slowestSchedule(alerts)).isEqualTo(Duration.ofSeconds(260));
        assertThat(LEASE.of(alerts)).isGreaterThanOrEqualTo(Duration.ofSeconds(290));
        // One webhook alone keeps the short lease it always had: its timeout and the margin.
        assertThat(LEASE.of(List.of(List.of(NotificationDelivery.WEBHOOK)))).isEqualTo(Duration.ofSeconds(35));
    }

    /** The executor's schedule: each alert, in order, to the sender free first; every delivery takes its full timeout. */
    private static Duration slowestSchedule(List<List<String>> alerts) {
        PriorityQueue<Long> freeAt = new PriorityQueue<>();
        for (int i = 0; i < CONCURRENCY; i++) {
            freeAt.add(0L);
        }
        long end = 0;
        for (List<String> channels : alerts) {
            long start = freeAt.poll();
            long done = start + channels.stream().mapToLong(c -> (NotificationDelivery.WEBHOOK.equals(c) ? WEBHOOK : MAIL)
                    .toMillis()).sum();
            freeAt.add(done);
            end = Math.max(end, done);
        }
        return Duration.ofMillis(end);
    }

    private static List<List<String>> randomBatch(Random random) {
        List<List<String>> alerts = new ArrayList<>();
        int left = 1 + random.nextInt(NotificationDispatcher.BATCH);
        while (left > 0) {
            int size = Math.min(left, 1 + random.nextInt(6));
            List<String> channels = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                channels.add(random.nextBoolean() ? NotificationDelivery.WEBHOOK : NotificationDelivery.EMAIL);
            }
            alerts.add(channels);
            left -= size;
        }
        return alerts;
    }
}
