package io.omnipulse.alerting.rest;

import io.omnipulse.alerting.service.AlertQueries;
import java.util.List;

/** One page of an alert's triggers or history; {@code more}: later entries follow on the next page. */
public record EntryPage<T>(List<T> items, int page, int size, boolean more) {

    static <T> EntryPage<T> of(AlertQueries.Slice<T> slice, AlertResource.Paging paging) {
        return new EntryPage<>(slice.items(), paging.index(), paging.size(), slice.more());
    }
}
