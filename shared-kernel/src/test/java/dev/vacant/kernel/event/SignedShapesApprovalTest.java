package dev.vacant.kernel.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.vacant.LogbookKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Pins the exact stored JSON of every stored name and revision ({@code src/test/resources/approvals/events}) and the
 * list of them in {@code docs/logbook-format.md}: a signed shape that changes without a new revision fails the build.
 * Run with {@code -Dapprovals.update=true} to rewrite the files and the doc deliberately.
 */
class SignedShapesApprovalTest {

    private static final Path APPROVALS = Path.of("src", "test", "resources", "approvals", "events");
    private static final Path DOC = Path.of("..", "docs", "logbook-format.md");
    private static final String BEGIN = "<!-- stored-events:begin (generated: SignedShapesApprovalTest) -->";
    private static final String END = "<!-- stored-events:end -->";
    private static final Pattern APPROVAL_FILE = Pattern.compile("(.+)\\.r(\\d+)\\.json");
    private static final boolean UPDATE = Boolean.getBoolean("approvals.update");

    private final Map<String, SignedEvent> examples = SignedEventExamples.all();
    private final Map<String, SignedEvent> earlier = SignedEventExamples.earlier();

    private static String approvalName(EventType type) {
        return type.name() + ".r" + type.revision();
    }

    private static Path approvalOf(EventType type) {
        return APPROVALS.resolve(approvalName(type) + ".json");
    }

    /** The example of {@code row}: by name at the current revision, by approval name at an earlier one. */
    private SignedEvent exampleOf(EventType row) {
        return EventTypes.STANDARD.isCurrent(row) ? examples.get(row.name()) : earlier.get(approvalName(row));
    }

    private static String stored(SignedEvent event) {
        return new String(StoredEntry.encode(event.entry()), StandardCharsets.UTF_8);
    }

    @Test
    void examples_coverEveryRow_eachOfItsOwnTypeAndKind() {
        assertThat(examples.keySet()).containsExactlyInAnyOrderElementsOf(EventTypes.STANDARD.rows().stream()
                .filter(EventTypes.STANDARD::isCurrent).map(EventType::name).toList());
        assertThat(earlier.keySet()).containsExactlyInAnyOrderElementsOf(EventTypes.STANDARD.rows().stream()
                .filter(row -> !EventTypes.STANDARD.isCurrent(row)).map(SignedShapesApprovalTest::approvalName)
                .toList());
        EventTypes.STANDARD.rows().forEach(row -> {
            SignedEvent example = exampleOf(row);
            assertThat(example).as(row.name()).isInstanceOf(row.type());
            assertThat(row.carries(example.entry().kind())).as(row.name()).isTrue();
        });
    }

    @Test
    void storedJson_equalsTheApprovedFile_forEveryNameAndRevision() throws IOException {
        for (EventType row : EventTypes.STANDARD.rows()) {
            String stored = stored(exampleOf(row));
            if (UPDATE) {
                Files.createDirectories(APPROVALS);
                Files.writeString(approvalOf(row), stored);
            }
            assertThat(approvalOf(row)).as("approval of %s r%d (-Dapprovals.update=true writes it)", row.name(),
                    row.revision()).exists();
            assertThat(Files.readString(approvalOf(row))).as("%s r%d changed its signed shape without a new revision",
                    row.name(), row.revision()).isEqualTo(stored);
        }
    }

    @Test
    void changingTheRevision2ReviewShape_withoutANewRevision_failsItsApproval() throws IOException {
        EventType r2 = EventTypes.STANDARD.of("vacant.review_received", "2").orElseThrow();
        ObjectNode payload = exampleOf(r2).entry().body().payload().deepCopy();
        payload.set("note", payload.remove("comment"));
        SignedEvent changed = new VacantEvents.ReviewReceivedEvent(SignedEventExamples.vacant(
                LogbookKind.REVIEW_RECEIVED, 1, payload));

        assertThat(Files.readString(approvalOf(r2))).isEqualTo(stored(exampleOf(r2))).isNotEqualTo(stored(changed));
        assertThat(Files.readString(approvalOf(EventTypes.STANDARD.of("vacant.review_received", "1").orElseThrow())))
                .doesNotContain("comment");
    }

    @Test
    void approvedFiles_nameOnlyRowsOfTheTable_andReadBackAsTheirType() throws IOException {
        try (Stream<Path> files = Files.list(APPROVALS)) {
            for (Path file : files.toList()) {
                Matcher name = APPROVAL_FILE.matcher(file.getFileName().toString());
                EventType row = Optional.of(name).filter(Matcher::matches)
                        .flatMap(matched -> EventTypes.STANDARD.of(matched.group(1), matched.group(2)))
                        .orElseThrow(() -> new AssertionError(file + " names no row of the event table"));
                byte[] bytes = Files.readAllBytes(file);
                assertThat(StoredEntry.decodeCanonical(bytes)).as(file.toString())
                        .hasValueSatisfying(entry -> assertThat(row.carries(entry.kind())).isTrue());
            }
        }
    }

    @Test
    void logbookFormatDoc_listsEveryNameAndRevisionWithItsExample() throws IOException {
        String doc = Files.readString(DOC);
        String generated = section();
        if (UPDATE) {
            doc = doc.substring(0, doc.indexOf(BEGIN)) + generated + doc.substring(doc.indexOf(END) + END.length());
            Files.writeString(DOC, doc);
        }
        assertThat(doc).as("docs/logbook-format.md (-Dapprovals.update=true regenerates it)").contains(generated);
    }

    /** The doc's table of stored names, then one example each (the approved JSON, indented for reading). */
    private String section() {
        List<String> lines = new ArrayList<>();
        lines.add(BEGIN);
        lines.add("| `payload_type` | `payload_revision` | signed kinds | signer | payload fields |");
        lines.add("|---|---|---|---|---|");
        for (EventType row : EventTypes.STANDARD.rows()) {
            JsonNode payload = exampleOf(row).entry().body().payload();
            lines.add("| `" + row.name() + "` | " + row.revision() + " | " + String.join(", ", new TreeSet<>(row.kinds()))
                    + " | " + SignedEventExamples.signerOf(row) + " | " + fields(payload)
                    + (row.attached() ? " (attachments: bundle, substrate)" : "") + " |");
        }
        for (EventType row : EventTypes.STANDARD.rows()) {
            lines.add("");
            lines.add("#### `" + row.name() + "` revision " + row.revision());
            lines.add("```json");
            lines.add(pretty(stored(exampleOf(row))));
            lines.add("```");
        }
        lines.add(END);
        return String.join("\n", lines);
    }

    private static String fields(JsonNode payload) {
        List<String> names = new ArrayList<>();
        payload.fieldNames().forEachRemaining(names::add);
        return names.stream().sorted().map(name -> "`" + name + "`").collect(Collectors.joining(", "));
    }

    private static String pretty(String json) {
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(Json.parse(json));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
