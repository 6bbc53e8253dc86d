package dev.vacant.kernel.tuple;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import dev.vacant.kernel.json.Json;
import org.junit.jupiter.api.Test;

class ColdDataTest {

    private final ObjectNode data = Json.object().put("notes", "x".repeat(10_000)).put("n", 42);

    @Test
    void restore_returnsTheOriginalData_afterCompression() {
        ColdData cold = ColdData.of(data);

        assertThat(cold.bytes().length).isLessThan(1000);
        assertThat(cold.digest()).isEqualTo(TupleData.digest(data));
        assertThat(cold.restore()).isEqualTo(data);
    }

    @Test
    void restore_failsInternal_whenTheDigestDoesNotMatch() {
        ColdData tampered = new ColdData(TupleData.digest(Json.object()), ColdData.of(data).bytes());

        assertThatThrownBy(tampered::restore).isInstanceOfSatisfying(VacantException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL));
    }
}
