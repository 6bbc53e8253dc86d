package dev.vacant.kernel.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PriceTableTest {

    private final PriceTable table = new PriceTable(Map.of("m", new PriceTable.ModelPrice(150_000, 600_000)));

    @Test
    void cost_isTokensTimesPricePerMillion_roundedUpToAMicroUnit() {
        assertThat(table.costMicros("m", 1_000_000, 1_000_000)).isEqualTo(750_000);
        assertThat(table.costMicros("m", 10, 1)).isEqualTo(3);
        assertThat(table.costMicros("m", 0, 0)).isZero();
    }

    @Test
    void aModelWithoutPrice_costsNothing_andIsNotBounded() {
        assertThat(table.costMicros("free", 1_000, 1_000)).isZero();
        assertThat(table.allowance("free", "prompt", 0)).isEqualTo(new PriceTable.Allowance(true, Optional.empty(), 0));
    }

    @Test
    void allowance_boundsTheAnswerByWhatIsLeftAfterTheEstimatedPrompt() {
        // 8 bytes = 2 tokens = 0.3 micro-units, rounded up to 1; 59 left at 0.6 per token = 98 tokens
        PriceTable.Allowance allowance = table.allowance("m", "12345678", 60);
        assertThat(allowance.allowed()).isTrue();
        assertThat(allowance.leastCostMicros()).isEqualTo(2);
        assertThat(allowance.maxCompletionTokens()).contains(98L);
    }

    @Test
    void allowance_refusesTheCall_whenNotOneAnswerTokenFits() {
        PriceTable.Allowance refused = table.allowance("m", "12345678", 1);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.leastCostMicros()).isGreaterThan(1);
        assertThat(new PriceTable(Map.of("m", new PriceTable.ModelPrice(0, 2_000_000))).allowance("m", "x", 1)
                .allowed()).isFalse();
    }

    @Test
    void negativePrices_areRefused() {
        assertThatThrownBy(() -> new PriceTable.ModelPrice(-1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
