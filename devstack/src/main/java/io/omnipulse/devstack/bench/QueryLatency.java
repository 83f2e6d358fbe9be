package io.omnipulse.devstack.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;

/**
 * How fast the query APIs answer while the pipeline is busy: a customer's profile and their scores for
 * every window, about customers posted a few seconds earlier, and the queue a support lead opens (their
 * team's unresolved alerts, most urgent first: the console's default), asked in turn at a steady rate.
 * Each delay counts from when the query was due, so a slow answer is not hidden by the next query
 * waiting for it. A query that fails or answers other than 200 is counted apart.
 */
final class QueryLatency {

    /** Delays in milliseconds per query, and how many of them did not answer 200. */
    record Result(Map<String, List<Long>> millis, Map<String, Integer> failed) {
    }

    private static final double QUERIES_PER_SECOND = 15;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final Map<String, IntFunction<URI>> queries = new LinkedHashMap<>();
    private final String bearer;

    /**
     * {@code customerId}: the id of the i-th customer already posted; {@code team}: whose queue to list, one
     * the simulated traffic fills, so that the queue holds the backlog of every bench run so far.
     */
    QueryLatency(String profileUrl, String scoringUrl, String alertingUrl, String bearer, IntFunction<String> customerId,
            String team) {
        this.bearer = bearer;
        queries.put("GET profile of a customer", i -> URI.create(profileUrl + "/v1/customers/" + customerId.apply(i)));
        queries.put("GET a customer's scores, all windows",
                i -> URI.create(scoringUrl + "/v1/customers/" + customerId.apply(i) + "/scores"));
        queries.put("GET a team's queue, most urgent first", i -> URI.create(alertingUrl + "/v1/alerts?team=" + team
                + "&status=open,acknowledged,escalated&sort=urgency&size=50"));
    }

    /** Asks until {@code seconds} have passed; {@code known.get()} is how many customers may be asked about. */
    Result run(double seconds, IntSupplier known) {
        Map<String, List<Long>> millis = new LinkedHashMap<>();
        Map<String, Integer> failed = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(queries.keySet());
        names.forEach(name -> {
            millis.put(name, new ArrayList<>());
            failed.put(name, 0);
        });
        SteadyLoad steady = new SteadyLoad(QUERIES_PER_SECOND);
        int total = (int) (seconds * QUERIES_PER_SECOND);
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            steady.awaitTurn(i);
            int customers = known.getAsInt();
            if (customers == 0) {
                continue;
            }
            String name = names.get(i % names.size());
            long due = steady.dueNanos(i);
            HttpRequest request = HttpRequest.newBuilder(queries.get(name).apply(i / names.size() % customers))
                    .header("Authorization", bearer)
                    .timeout(TIMEOUT).GET().build();
            // Sent without waiting for the previous answer: one slow answer must not delay the next query.
            pending.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, error) -> {
                synchronized (millis) {
                    if (error == null && response.statusCode() == 200) {
                        millis.get(name).add((System.nanoTime() - due) / 1_000_000);
                    } else {
                        failed.merge(name, 1, Integer::sum);
                    }
                }
                return null;
            }));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
        return new Result(millis, failed);
    }
}
