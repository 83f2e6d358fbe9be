package io.omnipulse.alerting.rest;

import java.util.List;

/**
 * One page of the alert queue. {@code total} counts the matches, not just this page: all of them when
 * {@code totalExact}; otherwise at least that many (counting stops 1,000 alerts past the page's first,
 * by default), to be shown as "1,000+".
 */
public record AlertPage(List<AlertView> items, int page, int size, long total, boolean totalExact) {
}
