package io.omnipulse.alerting.rest;

import io.omnipulse.alerting.service.AlertQueries;
import java.util.List;
import java.util.function.Function;

/** One page of an alert's triggers or history; {@code more}: later entries follow on the next page. */
public record EntryPage<T>(List<T> items, int page, int size, boolean more) {

    static <E, T> EntryPage<T> of(AlertQueries.Slice<E> slice, Function<E, T> view, AlertResource.Paging paging) {
        return new EntryPage<>(slice.items().stream().map(view).toList(), paging.index(), paging.size(), slice.more());
    }
}
