package dev.vacant.infra.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vacant.grpc.vacants.v1.Consent;
import dev.vacant.grpc.vacants.v1.ConsentGranted;
import dev.vacant.grpc.vacants.v1.ConsentRequest;
import dev.vacant.grpc.vacants.v1.SpawnRequest;
import dev.vacant.kernel.auth.Role;
import io.grpc.Status;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code Vacants.Consent} through a real grpc-java client on loopback, on real PostgreSQL: a second controller's
 * vacant consents to a D4 merge that the first controller then spawns, and refusals write nothing.
 */
class ConsentsGrpcTest extends GrpcApiTestBase {

    private String carol;
    private String carolToken;
    private String a;
    private String b;
    private String expires;

    @BeforeEach
    void twoControllersVacants() {
        carol = "carol-" + UUID.randomUUID().toString().substring(0, 8);
        carolToken = tokens.create(carol, Role.CONTROLLER);
        a = vacants(operator).genesis(genesis(alice, "read")).getId();
        b = vacants(operator).genesis(genesis(carol, "write")).getId();
        expires = clock.instant().plus(Duration.ofMinutes(10)).toString();
    }

    private ConsentRequest d4() {
        return ConsentRequest.newBuilder().setId(b).setPurpose("vacant.spawn.d4/1").setPrimary(a)
                .setExpiresAt(expires).build();
    }

    @Test
    void d4Consent_signedForTheOtherControllersVacant_letsTheMergeHappen() {
        ConsentGranted granted = vacants(carolToken).consent(d4());

        assertThat(granted.getPurpose()).isEqualTo("vacant.spawn.d4/1");
        assertThat(granted.getSigner()).isEqualTo(b);
        assertThat(granted.getPayload().getFieldsMap().get("secondary").getStringValue()).isEqualTo(b);
        assertThat(granted.getVacant().getId()).isEqualTo(b);
        assertThat(granted.getVacant().getLogbookHead().getSeq()).isPositive();
        String nonce = granted.getPayload().getFieldsMap().get("nonce").getStringValue();
        SpawnRequest merge = SpawnRequest.newBuilder().setId(a).setPath("D4").setParentB(b).setMergedSystemPrompt("both")
                .setConsent(Consent.newBuilder().setNonce(nonce).setExpiresAt(expires).setSignature(granted.getSignature()))
                .build();

        assertThat(vacants(aliceToken).spawn(merge).getChildId()).isNotEmpty();
    }

    @Test
    void consent_isRefused_withItsStatusAndCode_andNothingWritten() {
        long before = storedEvents();

        assertFails(() -> vacants(null).consent(d4()), Status.Code.UNAUTHENTICATED, "UNAUTHENTICATED");
        assertFails(() -> vacants(aliceToken).consent(d4()), Status.Code.PERMISSION_DENIED, "FORBIDDEN");
        assertFails(() -> vacants(carolToken).consent(d4().toBuilder().setPurpose("sign.anything/1").build()),
                Status.Code.INVALID_ARGUMENT, "VALIDATION_FAILED");
        assertFails(() -> vacants(carolToken).consent(d4().toBuilder().setId("nope").build()),
                Status.Code.INVALID_ARGUMENT, "VALIDATION_FAILED");
        assertFails(() -> vacants(carolToken).consent(d4().toBuilder().setSignature("AAAA").build()),
                Status.Code.FAILED_PRECONDITION, "BAD_SIGNATURE");
        assertThat(storedEvents()).isEqualTo(before);
    }
}
