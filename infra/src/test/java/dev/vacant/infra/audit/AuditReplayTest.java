package dev.vacant.infra.audit;

import static dev.vacant.kernel.logbook.VerificationFailureReason.BAD_SIGNATURE;
import static dev.vacant.kernel.logbook.VerificationFailureReason.BROKEN_CHAIN;
import static dev.vacant.kernel.logbook.VerificationFailureReason.HASH_MISMATCH;
import static dev.vacant.kernel.logbook.VerificationFailureReason.SEQ_GAP;
import static dev.vacant.kernel.logbook.VerificationFailureReason.UNKNOWN_SIGNER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vacant.grpc.audit.v1.AuditGrpc;
import dev.vacant.grpc.audit.v1.AuditJob;
import dev.vacant.grpc.audit.v1.GetReplayRequest;
import dev.vacant.grpc.audit.v1.StartReplayRequest;
import dev.vacant.infra.audit.StoreTampering.Undo;
import dev.vacant.infra.checkpoint.CheckpointService;
import dev.vacant.infra.grpc.GrpcServer;
import dev.vacant.infra.grpc.client.GrpcClients;
import dev.vacant.infra.security.ApiTokens;
import dev.vacant.infra.support.ApiClient;
import dev.vacant.infra.support.ApiClient;
import dev.vacant.infra.support.ApiClient.Response;
import dev.vacant.infra.support.CliRun;
import dev.vacant.infra.support.TestClockConfiguration;
import dev.vacant.infra.support.TestProperties;
import dev.vacant.infra.timer.VacantTimerPoller;
import dev.vacant.kernel.auth.Role;
import dev.vacant.kernel.checkpoint.NoteKey;
import dev.vacant.kernel.crypto.Ed25519;
import dev.vacant.kernel.crypto.Ed25519KeyPair;
import dev.vacant.kernel.custody.KeyCustody;
import dev.vacant.kernel.custody.KeyPairSigner;
import dev.vacant.kernel.event.StoredEntry;
import dev.vacant.kernel.event.VacantEvents.CallReceivedEvent;
import dev.vacant.kernel.id.VacantId;
import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.logbook.LogbookBody;
import dev.vacant.kernel.logbook.LogbookEntry;
import dev.vacant.kernel.logbook.VerificationFailure;
import dev.vacant.kernel.logbook.VerificationFailureReason;
import dev.vacant.kernel.testing.PostgresDatabase;
import dev.vacant.kernel.time.MutableClock;
import dev.vacant.query.audit.ParkedSequence;
import dev.vacant.query.projection.ProjectionCatalog;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Audit replay end to end on a real PostgreSQL: a realistic history written through the REST API, then tampered
 * with directly in SQL, one case at a time, each undone before the next. The application runs on a database of
 * its own ({@link DedicatedDatabase}), so the whole store is audited (no filter) and the tampering never reaches
 * the database the other test classes share.
 */
@ExtendWith(DedicatedDatabase.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "vacant.timers.polling=false",
        "vacant.checkpoints.periodic=false",
        "vacant.checkpoints.gap-settle=0s",
        "vacant.custody.kek=" + TestProperties.KEK})
@Import(TestClockConfiguration.class)
@ActiveProfiles("postgres")
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditReplayTest {

    @LocalServerPort
    int port;
    @Autowired
    ApiTokens tokens;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    KeyCustody custody;
    @Autowired
    MutableClock clock;
    @Autowired
    VacantTimerPoller poller;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    CheckpointService checkpoints;
    @Autowired
    GrpcServer grpcServer;

    private final SecureRandom random = new SecureRandom();
    private ApiClient api;
    private String operator;
    private String controllerToken;
    private StoreTampering store;
    private AuditStory.Vacants vacants;
    private CheckpointService.Served checkpoint;

    @DynamicPropertySource
    static void dedicatedDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> database().jdbcUrl());
        registry.add("spring.datasource.username", () -> database().user());
        registry.add("spring.datasource.password", () -> database().password());
    }

    private static PostgresDatabase database() {
        return DedicatedDatabase.of(AuditReplayTest.class);
    }

    @BeforeAll
    void history() throws InterruptedException {
        api = new ApiClient(port);
        operator = tokens.create("audit-operator", Role.OPERATOR);
        controllerToken = tokens.create("audit-controller", Role.CONTROLLER);
        store = new StoreTampering(jdbc);
        vacants = new AuditStory(api, operator, "audit-controller", controllerToken, custody, clock, poller).write();
        awaitProjections();
        checkpoint = checkpoints.checkpoint().checkpoint();
        assertThat(checkpoint.signed().checkpoint().size()).as("every entry in the checkpoint").isEqualTo(storedEvents());
    }

    /** Waits until every streaming projection has processed the whole store (live projections are eventual). */
    private void awaitProjections() throws InterruptedException {
        long head = storedEvents();
        for (int attempt = 0; attempt < 300 && !projectionsAt(head); attempt++) {
            Thread.sleep(100);
        }
        assertThat(projectionsAt(head)).as("projections caught up").isTrue();
    }

    private boolean projectionsAt(long head) {
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast)
                .allMatch(processor -> !processor.processingStatus().isEmpty() && processor.processingStatus().values()
                        .stream().allMatch(status -> status.getCurrentPosition().orElse(-1) >= head));
    }

    private long storedEvents() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    private List<VerificationFailure> audit() throws SQLException {
        return audit(AuditCheckpoint.NONE).failures();
    }

    private AuditReport audit(AuditCheckpoint against) throws SQLException {
        AuditReplay replay = new AuditReplay(
                () -> DriverManager.getConnection(database().jdbcUrl(), database().user(), database().password()),
                List.of(), 2);
        return replay.run("tamper", AuditProgress.NONE, against);
    }

    private long leafOf(String vacant, long seq) {
        return jdbc.queryForObject("select leaf_index from merkle_leaf where aggregate_identifier = ? and sequence_number = ?",
                Long.class, vacant, seq);
    }

    /** The chains verify, but the latest checkpoint locates the change at {@code (vacant, seq)}. */
    private void assertOnlyTheCheckpointLocates(String vacant, long seq) throws SQLException {
        assertThat(audit()).as("the chains alone").isEmpty();
        AuditReport report = audit(AuditCheckpoint.LATEST);
        assertThat(report.failures()).containsExactly(at(vacant, seq, VerificationFailureReason.CHECKPOINT_MISMATCH));
        assertThat(report.checkpoint().storeMatches()).isFalse();
        assertThat(report.checkpoint().treeMatches()).isTrue();
        assertThat(report.checkpoint().firstDifferentLeaf()).isEqualTo(leafOf(vacant, seq));
        assertThat(report.clean()).isFalse();
    }

    private static VerificationFailure at(String vacant, long seq, VerificationFailureReason reason) {
        return new VerificationFailure(vacant, seq, reason);
    }


    private static String[] auditArgs(String... extra) {
        List<String> args = new ArrayList<>(List.of("audit", "--jdbc-url", database().jdbcUrl(),
                "--user", database().user(), "--password", database().password()));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    /** A new entry replacing {@code vacant}'s first call, with another caller, sealed by a key not the vacant's. */
    private byte[] resignedCall(String vacant, long seq, boolean claimTheVacant) {
        LogbookBody body = StoredEntry.decodeCanonical(store.payload(vacant, seq)).orElseThrow().body();
        Ed25519KeyPair intruder = Ed25519.generate(random);
        VacantId intruderId = VacantId.of(intruder.publicKey());
        String signer = claimTheVacant ? vacant : intruderId.value();
        LogbookBody forged = new LogbookBody(body.v(), body.vacant(), body.seq(), body.kind(), body.ts(),
                Json.object().put("caller", "mallory"), body.prev(), signer);
        LogbookEntry entry = LogbookEntry.seal(forged, new KeyPairSigner(claimTheVacant ? VacantId.parse(vacant) : intruderId,
                intruder.privateSeed()));
        return StoredEntry.encode(entry);
    }

    @Test
    void run_reportsNoFailureAndMatchingProjections_whenTheStoreIsUntouched() throws SQLException {
        AuditReplay replay = new AuditReplay(
                () -> DriverManager.getConnection(database().jdbcUrl(), database().user(), database().password()),
                ProjectionCatalog.projectors(), 2);

        AuditReport report = replay.run("clean", AuditProgress.NONE);

        assertThat(report.failures()).isEmpty();
        assertThat(report.clean()).as(report.toString()).isTrue();
        assertThat(report.eventsRead()).isEqualTo(storedEvents()).isGreaterThan(20);
        assertThat(report.entriesVerified()).isEqualTo(storedEvents());
        assertThat(report.projections()).hasSize(ProjectionCatalog.projectors().stream().mapToInt(p -> p.tables().size()).sum());
    }

    @Test
    void run_completesAndReportsTheParkedSequence_whenAnEventCannotBeStoredInAProjection() throws SQLException {
        try (Undo undo = store.replaceText(vacants.a(), 0, "audit-controller", "audit-controller\\u0000")) {
            AuditReplay replay = new AuditReplay(
                    () -> DriverManager.getConnection(database().jdbcUrl(), database().user(), database().password()),
                    ProjectionCatalog.projectors(), 2);

            AuditReport report = replay.run("parked", AuditProgress.NONE);
            CliRun cli = CliRun.of(auditArgs());

            assertThat(report.eventsRead()).isEqualTo(storedEvents());
            assertThat(report.parked()).as("the vacant, then children whose parent it is").first().satisfies(parked -> {
                assertThat(parked.vacant()).isEqualTo(vacants.a());
                assertThat(parked.seq()).isZero();
                assertThat(parked.events()).isEqualTo(store.lastSeqOf(vacants.a()) + 1);
                assertThat(parked.reason()).contains("0x00");
            });
            assertThat(report.clean()).isFalse();
            assertThat(report.parked().subList(1, report.parked().size())).extracting(ParkedSequence::reason)
                    .allMatch(reason -> reason.contains("was never born"));
            assertThat(cli.out()).contains("Parked sequences (events the rebuild could not apply): "
                    + report.parked().size(), vacants.a() + " from seq 0");
        }
    }

    @Test
    void run_reportsBadSignatureAndHashMismatchAtTheEntry_whenAByteInsideAJsonStringIsFlipped() throws SQLException {
        try (Undo undo = store.flip(vacants.a(), 2, "\"ts\":\"", 3, 0x01)) {
            assertThat(audit()).containsExactly(at(vacants.a(), 2, BAD_SIGNATURE), at(vacants.a(), 2, HASH_MISMATCH));
        }
    }

    @Test
    void run_reportsHashMismatchAtTheRowAndTheGapAfterIt_whenAFlippedByteBreaksTheJson() throws SQLException {
        try (Undo undo = store.flip(vacants.a(), 2, "", 0, 0x01)) {
            assertThat(audit()).containsExactly(at(vacants.a(), 2, SEQ_GAP), at(vacants.a(), 2, HASH_MISMATCH),
                    at(vacants.a(), 3, BROKEN_CHAIN));
        }
    }

    @Test
    void run_reportsHashMismatchAtTheEntry_whenAByteOfAStoredHashIsFlipped() throws SQLException {
        long last = store.lastSeqOf(vacants.b());
        try (Undo undo = store.flip(vacants.b(), last, "\"hash\":\"", 5, 0x01)) {
            assertThat(audit()).containsExactly(at(vacants.b(), last, HASH_MISMATCH));
        }
    }

    @Test
    void run_reportsHashMismatchAtTheGenesis_whenAByteOfTheBundleAttachmentIsFlipped() throws SQLException {
        try (Undo undo = store.flipMetaData(vacants.a(), 0, "system_prompt\\\":\\\"", 0, 0x20)) {
            assertThat(audit()).containsExactly(at(vacants.a(), 0, HASH_MISMATCH));
        }
    }

    @Test
    void run_reportsBadSignatureAtTheEntry_whenItsSignatureIsReplacedByAnother() throws SQLException {
        String own = store.entryField(vacants.b(), 1, "sig");
        String other = store.entryField(vacants.b(), 0, "sig");
        try (Undo undo = store.replaceText(vacants.b(), 1, own, other)) {
            assertThat(audit()).containsExactly(at(vacants.b(), 1, BAD_SIGNATURE), at(vacants.b(), 1, HASH_MISMATCH));
        }
    }

    @Test
    void run_reportsSeqGapAndBrokenChain_whenAMiddleEventIsDeleted() throws SQLException {
        try (Undo undo = store.delete(vacants.a(), 3)) {
            assertThat(audit()).containsExactly(at(vacants.a(), 3, SEQ_GAP), at(vacants.a(), 4, BROKEN_CHAIN));
        }
        assertThat(audit()).isEmpty();
    }

    @Test
    void run_locatesBothRows_whenTwoEventsPayloadsAreSwapped() throws SQLException {
        try (Undo undo = store.swapPayloads(vacants.a(), 1, vacants.merged(), 1)) {
            List<VerificationFailure> failures = audit();

            assertThat(failures).contains(at(vacants.a(), 1, BROKEN_CHAIN), at(vacants.merged(), 1, BROKEN_CHAIN),
                    at(vacants.a(), 1, SEQ_GAP));
            assertThat(failures).extracting(VerificationFailure::vacant).containsOnly(vacants.a(), vacants.merged());
        }
    }

    @Test
    void run_reportsSeqGapAtBothRows_whenTwoEventsOfOneChainAreSwapped() throws SQLException {
        try (Undo undo = store.swapPayloads(vacants.a(), 2, vacants.a(), 3)) {
            assertThat(audit()).contains(at(vacants.a(), 2, SEQ_GAP), at(vacants.a(), 3, SEQ_GAP))
                    .extracting(VerificationFailure::vacant).containsOnly(vacants.a());
        }
    }

    @Test
    void run_reportsBadSignature_whenAnEntryIsResignedWithAnotherKeyClaimingTheVacant() throws SQLException {
        long seq = store.firstSeqOf(vacants.a(), CallReceivedEvent.class);
        try (Undo undo = store.replacePayload(vacants.a(), seq, resignedCall(vacants.a(), seq, true))) {
            assertThat(audit()).containsExactly(at(vacants.a(), seq, BAD_SIGNATURE), at(vacants.a(), seq + 1, BROKEN_CHAIN));
        }
    }

    @Test
    void run_reportsUnknownSigner_whenAnEntryIsResignedUnderAnotherKeysId() throws SQLException {
        long seq = store.firstSeqOf(vacants.a(), CallReceivedEvent.class);
        try (Undo undo = store.replacePayload(vacants.a(), seq, resignedCall(vacants.a(), seq, false))) {
            assertThat(audit()).containsExactly(at(vacants.a(), seq, UNKNOWN_SIGNER), at(vacants.a(), seq + 1, BROKEN_CHAIN));
        }
    }

    @Test
    void checkpointAudit_findsTheStoreMatchingTheLatestCheckpoint_whenUntouched() throws SQLException {
        AuditReport report = audit(AuditCheckpoint.LATEST);

        assertThat(report.failures()).isEmpty();
        assertThat(report.checkpoint().storeMatches()).isTrue();
        assertThat(report.checkpoint().treeSize()).isEqualTo(checkpoint.signed().checkpoint().size());
        assertThat(report.clean()).isTrue();
    }

    @Test
    void checkpointAudit_locatesADeletedLastEntry_whichTheChainsCannotShow() throws SQLException {
        long last = store.lastSeqOf(vacants.b());
        try (Undo undo = store.delete(vacants.b(), last)) {
            assertOnlyTheCheckpointLocates(vacants.b(), last);
        }
    }

    @Test
    void checkpointAudit_locatesADeletedChainAtItsFirstEntry() throws SQLException {
        try (Undo undo = store.deleteChain(vacants.bud())) {
            assertOnlyTheCheckpointLocates(vacants.bud(), 0);
        }
    }

    @Test
    void checkpointAudit_locatesAHistoryRewrittenAndResignedWithTheVacantsRealKey() throws SQLException {
        try (Undo undo = new ChainRewrite(store).from(vacants.b(), 1, custody.signer(VacantId.parse(vacants.b())))) {
            assertOnlyTheCheckpointLocates(vacants.b(), 1);
        }
    }

    @Test
    void checkpointAudit_locatesAReorderedHistory() throws SQLException {
        Object[] pair = store.adjacentRowsOfTwoChains();
        try (Undo undo = store.swapOrder((String) pair[0], (Long) pair[1], (String) pair[2], (Long) pair[3])) {
            assertOnlyTheCheckpointLocates((String) pair[0], (Long) pair[1]);
        }
    }

    @Test
    void checkpointAudit_stillLocatesTheEntry_whenTheTreeTablesWereAlteredToo() throws SQLException {
        long last = store.lastSeqOf(vacants.b());
        long leaf = leafOf(vacants.b(), last);
        byte[] stored = jdbc.queryForObject("select entry_hash from merkle_leaf where leaf_index = ?", byte[].class,
                leaf);
        try (Undo undo = store.delete(vacants.b(), last)) {
            jdbc.update("update merkle_leaf set entry_hash = ? where leaf_index = ?", new byte[32], leaf);
            AuditReport report = audit(AuditCheckpoint.LATEST);

            assertThat(report.checkpoint().storeMatches()).isFalse();
            assertThat(report.checkpoint().treeMatches()).isFalse();
            assertThat(report.failures()).contains(at(vacants.b(), last, VerificationFailureReason.CHECKPOINT_MISMATCH));
        } finally {
            jdbc.update("update merkle_leaf set entry_hash = ? where leaf_index = ?", stored, leaf);
        }
    }

    @Test
    void cli_checksAgainstACheckpointTheUserKept_andRefusesOneTheNodeKeyDidNotSign(@TempDir Path dir) throws IOException {
        Path kept = Files.writeString(dir.resolve("checkpoint.txt"), checkpoint.signed().note().format());
        String nodeKey = checkpoint.nodeKey().vkey();
        long last = store.lastSeqOf(vacants.a());
        CliRun clean = CliRun.of(auditArgs("--no-projections", "--checkpoint", kept.toString(), "--node-key", nodeKey));
        CliRun tampered;
        try (Undo undo = store.delete(vacants.a(), last)) {
            tampered = CliRun.of(auditArgs("--no-projections", "--checkpoint", kept.toString(), "--node-key", nodeKey));
        }
        String stranger = new NoteKey(checkpoint.nodeKey().name(), NoteKey.ED25519,
                Ed25519.generate(random).publicKey()).vkey();
        CliRun refused = CliRun.of(auditArgs("--no-projections", "--checkpoint", kept.toString(), "--node-key", stranger));

        assertThat(clean.exitCode()).as(clean.out() + clean.err()).isZero();
        assertThat(clean.out()).contains("the store matches");
        assertThat(tampered.exitCode()).as(tampered.err()).isEqualTo(1);
        assertThat(tampered.out()).contains(vacants.a() + " seq " + last + " CHECKPOINT_MISMATCH", "DIFFERS");
        assertThat(refused.exitCode()).isEqualTo(3);
        assertThat(refused.err()).contains("does not verify");
    }

    @Test
    void replayJob_reportsTheCheckpointFinding_whenTheLastEntryWasDeleted() throws InterruptedException {
        long last = store.lastSeqOf(vacants.merged());
        JsonNode report;
        try (Undo undo = store.delete(vacants.merged(), last)) {
            report = finishedJob(api.post("/api/v1/audit/replays", operator, null)).path("report");
        }

        assertThat(report.path("clean").asBoolean()).isFalse();
        assertThat(report.path("checkpoint").path("store_matches").asBoolean()).isFalse();
        assertThat(report.path("checkpoint").path("vacant").asText()).isEqualTo(vacants.merged());
        assertThat(report.path("checkpoint").path("seq").asLong()).isEqualTo(last);
    }

    @Test
    void replayJob_isRefused_whenTheGivenNodeKeyIsMalformed() {
        Response refused = api.post("/api/v1/audit/replays", operator,
                Json.object().put("checkpoint", checkpoint.signed().note().format()).put("node_key", "nope"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("VALIDATION_FAILED");
    }

    private JsonNode finishedJob(Response accepted) throws InterruptedException {
        assertThat(accepted.status()).as(String.valueOf(accepted.body())).isEqualTo(202);
        Response polled = api.get("/api/v1/audit/replays/" + accepted.text("job"), operator);
        for (int attempt = 0; attempt < 600 && !polled.text("status").matches("DONE|FAILED"); attempt++) {
            Thread.sleep(100);
            polled = api.get("/api/v1/audit/replays/" + accepted.text("job"), operator);
        }
        assertThat(polled.text("status")).as(polled.body().toString()).isEqualTo("DONE");
        return polled.body();
    }

    @Test
    void cli_exitsZeroWithACleanJsonReport_whenTheStoreIsUntouched() {
        CliRun run = CliRun.of(auditArgs("--json"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode report = Json.parse(run.out());
        assertThat(report.path("clean").asBoolean()).isTrue();
        assertThat(report.path("events_read").asLong()).isEqualTo(storedEvents());
        assertThat(report.path("failure_count").asLong()).isZero();
    }

    @Test
    void cli_exitsOneAndLocatesTheEntry_whenAPayloadByteIsFlipped() {
        try (Undo undo = store.flip(vacants.merged(), 1, "\"ts\":\"", 3, 0x01)) {
            CliRun run = CliRun.of(auditArgs("--no-projections"));

            assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
            assertThat(run.out()).contains(vacants.merged() + " seq 1 BAD_SIGNATURE", "Result: FAILED");
        }
    }

    @Test
    void replayJob_isAcceptedThenDoneWithItsReport_whenAnOperatorStartsIt() throws InterruptedException {
        Response accepted = api.post("/api/v1/audit/replays", operator, null);

        assertThat(accepted.status()).as(String.valueOf(accepted.body())).isEqualTo(202);
        String job = accepted.text("job");
        assertThat(accepted.text("status")).isIn("QUEUED", "RUNNING", "DONE");
        Response polled = api.get("/api/v1/audit/replays/" + job, operator);
        for (int attempt = 0; attempt < 600 && !polled.text("status").matches("DONE|FAILED"); attempt++) {
            Thread.sleep(100);
            polled = api.get("/api/v1/audit/replays/" + job, operator);
        }
        assertThat(polled.text("status")).as(polled.body().toString()).isEqualTo("DONE");
        assertThat(polled.body().path("progress").path("events_read").asLong()).isEqualTo(storedEvents());
        assertThat(polled.body().path("report").path("failure_count").asLong()).isZero();
        assertThat(polled.body().path("report").path("clean").asBoolean()).isTrue();
    }

    @Test
    void replayJob_overGrpc_isDoneWithItsReport_andForbiddenToAController() throws InterruptedException {
        ManagedChannel channel = GrpcClients.channel("127.0.0.1:" + grpcServer.port());
        try {
            AuditGrpc.AuditBlockingStub audit = GrpcClients.withToken(AuditGrpc.newBlockingStub(channel), operator);
            String job = audit.startReplay(StartReplayRequest.getDefaultInstance()).getJob();
            AuditJob polled = audit.getReplay(GetReplayRequest.newBuilder().setJob(job).build());
            for (int attempt = 0; attempt < 600 && !polled.getStatus().matches("DONE|FAILED"); attempt++) {
                Thread.sleep(100);
                polled = audit.getReplay(GetReplayRequest.newBuilder().setJob(job).build());
            }
            StatusRuntimeException denied = catchThrowableOfType(StatusRuntimeException.class, () -> GrpcClients
                    .withToken(AuditGrpc.newBlockingStub(channel), controllerToken).startReplay(StartReplayRequest.getDefaultInstance()));

            assertThat(polled.getStatus()).as(polled.toString()).isEqualTo("DONE");
            assertThat(polled.getProgress().getEventsRead()).isEqualTo(storedEvents());
            assertThat(polled.getReport().getFieldsOrThrow("clean").getBoolValue()).isTrue();
            assertThat(denied.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
            assertThat(GrpcClients.errorInfo(denied)).hasValueSatisfying(info -> assertThat(info.getReason()).isEqualTo("FORBIDDEN"));
        } finally {
            channel.shutdownNow();
        }
    }

    @Test
    void replayJob_isForbidden_whenAControllerStartsOrReadsIt() {
        Response started = api.post("/api/v1/audit/replays", controllerToken, null);
        Response read = api.get("/api/v1/audit/replays/" + UUID.randomUUID(), controllerToken);

        assertThat(started.status()).isEqualTo(403);
        assertThat(started.code()).isEqualTo("FORBIDDEN");
        assertThat(read.status()).isEqualTo(403);
        assertThat(read.code()).isEqualTo("FORBIDDEN");
    }

    @Test
    void replayJob_isNotFound_whenTheJobIsUnknown() {
        Response unknown = api.get("/api/v1/audit/replays/0123456789abcdef", operator);

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("NOT_FOUND");
    }
}
