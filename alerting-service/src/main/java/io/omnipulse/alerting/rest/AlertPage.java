package io.omnipulse.alerting.rest;

import java.util.List;

/** One page of the alert queue; {@code total} counts every match, not just this page. */
public record AlertPage(List<AlertView> items, int page, int size, long total) {
}
