package dev.vacant.infra.composite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vacant.infra.composite.CompositeHttpStory.Cast;
import dev.vacant.infra.vacant.VacantApiTestBase;
import dev.vacant.kernel.auth.Role;
import dev.vacant.kernel.logbook.ChainVerifier;
import dev.vacant.kernel.logbook.LogbookEntry;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every composite and spawn feature as a client sees it, over HTTP only ({@link CompositeHttpStory}: no bean,
 * repository or custody call once the principals exist); then every logbook, read over HTTP, verifies.
 *
 * <p>The second controller's token is minted the way the other API tests mint theirs ({@code ApiTokens}); its gRPC
 * twin ({@code GrpcOnlyStoryTest}) mints both controllers' tokens through the API.
 */
class HttpOnlyStoryTest extends VacantApiTestBase {

    @Test
    void aClientWithOnlyTheHttpApi_mergesComposesDelegatesAndGraduates_andEveryLogbookVerifies() {
        String carol = "carol-" + UUID.randomUUID().toString().substring(0, 8);
        CompositeHttpStory story = new CompositeHttpStory(api, clock, operator, alice, aliceToken, carol,
                tokens.create(carol, Role.CONTROLLER));

        Cast cast = story.tell();

        // every logbook, read over HTTP, verifies with the project's verifier
        cast.readers().forEach((id, token) -> {
            List<LogbookEntry> entries = story.logbookOverHttp(id, token);
            assertThat(entries).as(id).isNotEmpty();
            assertThat(ChainVerifier.verify(id, entries)).as(id).isEmpty();
        });
        String b = cast.roles().get("b");
        String own = cast.roles().get("own");
        assertThat(story.logbookOverHttp(b, cast.readers().get(b))).extracting(LogbookEntry::kind)
                .contains("CONSENT_GRANTED", "CONSENT_USED");
        assertThat(story.logbookOverHttp(own, aliceToken)).extracting(LogbookEntry::kind)
                .containsSubsequence("MANIFEST_ACCEPTED", "TASK_RECEIVED", "DELEGATION_COMPLETED", "OUTBOUND_DENIED",
                        "CONSENT_GRANTED", "GRADUATED");
    }
}
