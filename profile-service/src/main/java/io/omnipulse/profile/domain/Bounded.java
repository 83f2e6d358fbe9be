package io.omnipulse.profile.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** List updates that never let a list grow past its bound: the oldest entries go first. */
final class Bounded {

    private Bounded() {
    }

    /** Appends {@code item} and drops from the head while the list is longer than {@code max}. */
    static <T> List<T> append(List<T> list, T item, int max) {
        List<T> out = new ArrayList<>(list.size() + 1);
        out.addAll(list);
        out.add(item);
        return tail(out, max);
    }

    /**
     * Inserts {@code item} after every element that is not later than it, so the list stays in
     * time order and equal times keep their arrival order; then drops the earliest beyond {@code max}.
     * A late event older than everything in a full list is therefore dropped at once.
     */
    static <T> List<T> insertByTime(List<T> list, T item, Function<T, Instant> time, int max) {
        Instant at = time.apply(item);
        int index = list.size();
        while (index > 0 && time.apply(list.get(index - 1)).isAfter(at)) {
            index--;
        }
        List<T> out = new ArrayList<>(list.size() + 1);
        out.addAll(list);
        out.add(index, item);
        return tail(out, max);
    }

    private static <T> List<T> tail(List<T> list, int max) {
        return list.size() <= max ? list : list.subList(list.size() - max, list.size());
    }
}
