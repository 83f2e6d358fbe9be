package io.omnipulse.queries;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.function.Function;

/**
 * A merged customer id answers for its survivor, and says so: the survivor in
 * {@value #MERGED_INTO_HEADER} and where its own answer lives in Content-Location.
 */
public final class MergedIds {

    /** Set when the id asked for was merged: the survivor that answered instead. */
    public static final String MERGED_INTO_HEADER = "X-Omnipulse-Merged-Into";

    private MergedIds() {
    }

    /** The end of a chain of merges, and what its last lookup found there. */
    public record Survivor<R>(String id, R lookup) {
    }

    /**
     * Follows the merges of {@code id}: {@code lookup} reads an id (here or on its owner) and
     * {@code mergedInto} says which id that read points on to, null at the survivor. At most
     * {@code maxMerges} pointers are followed: a longer chain is a loop of bad merges or merges still
     * settling, a {@link StoreNotQueryableException}.
     */
    public static <R> Survivor<R> follow(String id, int maxMerges, Function<String, R> lookup,
            Function<R, String> mergedInto) {
        String current = id;
        for (int merges = 0; merges <= maxMerges; merges++) {
            R found = lookup.apply(current);
            String next = mergedInto.apply(found);
            if (next == null) {
                return new Survivor<>(current, found);
            }
            current = next;
        }
        throw new StoreNotQueryableException("customer " + id + " was merged more than " + maxMerges
                + " times in a row (merges still settling, or a loop of merges)", null);
    }

    /** {@code answer} as is when the survivor was asked for; else naming the survivor and its {@code location}. */
    public static Response answeredFor(String asked, String survivor, String location, Response answer) {
        if (asked.equals(survivor)) {
            return answer;
        }
        return Response.fromResponse(answer)
                .header(MERGED_INTO_HEADER, survivor)
                .header(HttpHeaders.CONTENT_LOCATION, location)
                .build();
    }
}
