package dev.vacant.kernel.lane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConcurrencyPolicyTest {

    private final ConcurrencyPolicy policy = new ConcurrencyPolicy(32, 64);

    @ParameterizedTest(name = "{5}: {0} with queue {1}, latency {2}, errors {3} -> {4}")
    @CsvSource(textBlock = """
            # current, queued, ewma ms, error rate, next, case
            32,    0,    10, 0.00, 32, steady when nothing is hot
            32,  128,    10, 0.00, 32, queue exactly 4x does not grow
            32,  129,    10, 0.00, 64, queue above 4x doubles
            16,   65,    10, 0.00, 32, queue above 4x doubles from below start
            16,   10,   250, 0.00, 16, latency exactly 250 ms does not grow
            16,   10,   251, 0.00, 32, latency above 250 ms doubles
            8,   33,   300, 0.00, 32, queue and latency double twice
            32,  200,   300, 0.00, 64, growth is capped at max
            64, 1000,   900, 0.00, 64, max stays max
            32,    0,    10, 0.19, 32, error rate below 20 percent keeps
            32,    0,    10, 0.20, 16, error rate at 20 percent halves
            32,  129,    10, 0.50, 32, queue doubles then errors halve
            1,     0,    10, 0.90,  1, never below one
            3,     0,    10, 0.25,  1, halving rounds down
            """)
    void next_followsTheTable_whenTheLaneObservesItsLoad(int current, int queued, double ewma, double errorRate,
                                                         int next, String description) {
        assertThat(policy.next(current, new ConcurrencyPolicy.Load(queued, ewma, errorRate))).as(description)
                .isEqualTo(next);
    }

    @ParameterizedTest
    @CsvSource({"0, 64", "65, 64"})
    void construct_fails_whenStartIsOutsideOneToMax(int start, int max) {
        assertThatThrownBy(() -> new ConcurrencyPolicy(start, max)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("need 1 <= start <= max, was start " + start + ", max " + max);
    }
}
