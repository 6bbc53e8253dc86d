package dev.vacant.kernel.tuple;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import dev.vacant.kernel.json.Json;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class TupleOpTest {

    private static final Authority AUTHORITY = new Authority(TemplateTest.WRITER, Set.of("read"));

    @Test
    void out_isRejectedNamingTheField_whenTheLaneIsMalformed() {
        assertInvalid(() -> new TupleOp.Out("op-1", "Bad Lane", AUTHORITY, "y", TupleMap.of(1), "s", null, null,
                null, null), "lane");
    }

    @Test
    void map_isRejected_whenACoordinateIsOutOfRangeOrThereAreTooMany() {
        assertInvalid(() -> TupleMap.of(65536), "map");
        assertInvalid(() -> new TupleMap(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9)), "map");
    }

    @Test
    void out_isRejected_whenDataExceeds256KiB() {
        assertInvalid(() -> new TupleOp.Out("op-1", "work", AUTHORITY, "y", TupleMap.of(1), "s", null, null,
                Json.object().put("big", "x".repeat(TupleData.MAX_BYTES)), null), "data");
    }

    @Test
    void out_carriesWellFormedReceipts_andRejectsOthersNamingTheField() {
        String receipt = Receipts.of("provider", "digest", "openai");

        TupleOp.Out carrying = new TupleOp.Out("op-1", "work", AUTHORITY, "y", TupleMap.of(1), "s", null, null, null,
                null, List.of(receipt));

        assertThat(carrying.receipts()).containsExactly(receipt);
        assertThat(new TupleOp.Out("op-1", "work", AUTHORITY, "y", TupleMap.of(1), "s", null, null, null, null)
                .receipts()).isEmpty();
        assertInvalid(() -> new TupleOp.Out("op-1", "work", AUTHORITY, "y", TupleMap.of(1), "s", null, null, null,
                null, List.of("forged")), "receipts");
        assertInvalid(() -> new TupleOp.Out("op-1", "work", AUTHORITY, "y", TupleMap.of(1), "s", null, null, null,
                null, Collections.nCopies(9, receipt)), "receipts");
    }

    @Test
    void in_isRejected_whenTheTimeoutIsNegative() {
        assertInvalid(() -> new TupleOp.In("op-1", "work", AUTHORITY, null, -1), "timeout_ms");
    }

    @Test
    void scan_isRejected_whenTheLimitExceedsAThousand() {
        assertInvalid(() -> new TupleOp.Scan("op-1", "work", AUTHORITY, null, null, null, 1001), "limit");
    }

    @Test
    void hookwall_isOrderedOnTheLaneItGuards_always() {
        assertThat(new TupleOp.Hookwall("op-1", "vault", "read", TupleOp.WallAction.HOOK).lane()).isEqualTo("vault");
    }

    @Test
    void receipts_areKindAtSixteenHexDigits_deterministically() {
        assertThat(Receipts.of("out", "op-1", "t")).matches("out@[0-9a-f]{16}").isEqualTo(Receipts.of("out", "op-1", "t"));
        assertThat(Receipts.of("out", "op-2", "t")).isNotEqualTo(Receipts.of("out", "op-1", "t"));
    }

    private static void assertInvalid(ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(VacantException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
            assertThat(e.getMessage()).startsWith(field);
        });
    }
}
