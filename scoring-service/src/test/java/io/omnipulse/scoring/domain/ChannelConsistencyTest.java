package io.omnipulse.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnipulse.events.Channel;
import io.omnipulse.events.ScoreUpdated;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChannelConsistencyTest {

    static ScoreUpdated scores(Double nps, long npsN, Double ease, long cesN) {
        return new ScoreUpdated("channel", "x", "30d", new ScoreUpdated.Nps(0, 0, 0, npsN, nps, null),
                new ScoreUpdated.Ces(cesN, ease, 0, null), new ScoreUpdated.Csat(0, 0, null), null);
    }

    @Test
    void spreadIsBestMinusWorstOverChannelsWithResponses() {
        Map<Channel, ScoreUpdated> byChannel = new EnumMap<>(Channel.class);
        byChannel.put(Channel.EMAIL, scores(40.0, 10, 80.0, 5));
        byChannel.put(Channel.CALL, scores(-20.0, 8, 55.5, 3));
        byChannel.put(Channel.CHAT, scores(10.0, 4, null, 0));
        byChannel.put(Channel.SOCIAL, null);

        ChannelConsistency consistency = ChannelConsistency.of(byChannel);

        assertThat(consistency.nps().best()).isEqualTo(new ChannelConsistency.ChannelScore("email", 40.0, 10));
        assertThat(consistency.nps().worst()).isEqualTo(new ChannelConsistency.ChannelScore("call", -20.0, 8));
        assertThat(consistency.nps().spread()).isEqualTo(60.0);
        assertThat(consistency.nps().channels()).isEqualTo(3);
        assertThat(consistency.ease().spread()).isEqualTo(24.5);
        assertThat(consistency.ease().channels()).isEqualTo(2);
    }

    @Test
    void oneChannelHasNothingToCompareWith() {
        Map<Channel, ScoreUpdated> byChannel = new EnumMap<>(Channel.class);
        byChannel.put(Channel.CALL, scores(30.0, 2, null, 0));

        ChannelConsistency consistency = ChannelConsistency.of(byChannel);

        assertThat(consistency.nps().spread()).isNull();
        assertThat(consistency.nps().best().channel()).isEqualTo("call");
        assertThat(consistency.ease()).isEqualTo(new ChannelConsistency.Spread(null, null, null, 0));
    }
}
