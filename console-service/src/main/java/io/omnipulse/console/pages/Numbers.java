package io.omnipulse.console.pages;

import io.omnipulse.events.ScoreUpdated;
import java.util.Locale;

/** Scores in the words a lead reads them: the value, how many answers, and the margin where there is one. */
final class Numbers {

    private Numbers() {
    }

    static String nps(ScoreUpdated.Nps nps) {
        if (nps == null || nps.n() == 0 || nps.score() == null) {
            return "no answers";
        }
        String margin = nps.marginOfError95() == null ? "" : ", ±" + whole(nps.marginOfError95());
        return whole(nps.score()) + " (n " + nps.n() + margin + ")";
    }

    static String ces(ScoreUpdated.Ces ces) {
        if (ces == null || ces.n() == 0 || ces.meanEase() == null) {
            return "no answers";
        }
        return "ease " + whole(ces.meanEase()) + " of 100 (n " + ces.n() + ")";
    }

    static String csat(ScoreUpdated.Csat csat) {
        if (csat == null || csat.n() == 0 || csat.percent() == null) {
            return "no answers";
        }
        return whole(csat.percent()) + " % (n " + csat.n() + ")";
    }

    private static String whole(double value) {
        return String.format(Locale.ROOT, "%.0f", value);
    }
}
