package dev.vacant.query.logbook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WrittenEntriesTest {

    @Test
    void remembered_mayHoldExactlyTheEntriesAdded_inOrderOrNot() {
        WrittenEntries written = WrittenEntries.remembered();
        written.add("vac_a", 0);
        written.add("vac_a", 1);
        written.add("vac_a", 3);
        written.add("vac_b", 5);

        assertThat(written.mayHold("vac_a", 0)).isTrue();
        assertThat(written.mayHold("vac_a", 1)).isTrue();
        assertThat(written.mayHold("vac_a", 2)).isFalse();
        assertThat(written.mayHold("vac_a", 3)).isTrue();
        assertThat(written.mayHold("vac_a", 4)).isFalse();
        assertThat(written.mayHold("vac_b", 0)).isFalse();
        assertThat(written.mayHold("vac_b", 5)).isTrue();
        assertThat(written.mayHold("vac_c", 0)).isFalse();
        assertThat(written.mayHold("vac_a", -1)).isFalse();

        written.add("vac_a", 2);

        assertThat(written.mayHold("vac_a", 2)).isTrue();
        assertThat(written.mayHold("vac_a", 3)).as("absorbed into the contiguous run").isTrue();
        assertThat(written.mayHold("vac_a", 4)).isFalse();
    }

    @Test
    void unknown_mayHoldAnyEntry() {
        WrittenEntries written = WrittenEntries.unknown();
        written.add("vac_a", 0);

        assertThat(written.mayHold("vac_a", 7)).isTrue();
        assertThat(written.mayHold("vac_b", 0)).isTrue();
    }
}
