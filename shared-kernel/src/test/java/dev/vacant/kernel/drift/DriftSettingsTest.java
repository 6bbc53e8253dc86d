package dev.vacant.kernel.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DriftSettingsTest {

    @Test
    void defaults_areTwentySamplesFiveHundredthsAndSix() {
        assertThat(DriftSettings.DEFAULTS).isEqualTo(new DriftSettings(20, 0.05, 6.0));
    }

    @ParameterizedTest
    @CsvSource({"1, 0.05, 6", "20, 0, 6", "20, NaN, 6", "20, Infinity, 6", "20, 0.05, 0", "20, 0.05, -1", "20, 0.05, NaN"})
    void constructor_rejectsOutOfRangeSettings(int anchorSize, double minStd, double threshold) {
        assertThatThrownBy(() -> new DriftSettings(anchorSize, minStd, threshold))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
