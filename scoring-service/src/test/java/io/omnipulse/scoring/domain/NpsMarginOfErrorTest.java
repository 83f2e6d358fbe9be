package io.omnipulse.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NpsMarginOfErrorTest {

    @Test
    void hundredAnswersAtNps25HaveAMarginOfAboutFifteenPoints() {
        // p = .45, d = .20: variance = .65 - .25^2 = .5875; 1.96 x 100 x sqrt(.5875 / 100) = 15.02
        assertThat(new NpsCounts(45, 35, 20).marginOfError95()).isEqualTo(15.0);
    }

    @Test
    void marginShrinksWithTheSquareRootOfTheSample() {
        double small = new NpsCounts(45, 35, 20).marginOfError95();
        double large = new NpsCounts(4500, 3500, 2000).marginOfError95();

        assertThat(large).isEqualTo(1.5);
        assertThat(small / large).isEqualTo(10.0);
    }

    @Test
    void unanimousAnswersHaveNoSpread() {
        assertThat(new NpsCounts(12, 0, 0).marginOfError95()).isEqualTo(0.0);
    }

    @Test
    void fewerThanTwoAnswersHaveNoInterval() {
        assertThat(NpsCounts.NONE.marginOfError95()).isNull();
        assertThat(new NpsCounts(0, 0, 1).marginOfError95()).isNull();
    }
}
