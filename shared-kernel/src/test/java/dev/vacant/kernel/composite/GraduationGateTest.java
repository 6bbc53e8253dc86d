package dev.vacant.kernel.composite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vacant.kernel.crypto.Base64Url;
import dev.vacant.kernel.drift.Anchor;
import dev.vacant.kernel.drift.BehaviorSample;
import dev.vacant.kernel.drift.DriftFixtures;
import dev.vacant.kernel.drift.DriftSettings;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import dev.vacant.kernel.json.CanonicalJson;
import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.spawn.SubstrateSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Consent, the sliding-window rate limit, and the collusion signals and gate of a graduation. */
class GraduationGateTest {

    private static final Instant NOW = Instant.parse("2026-05-02T10:00:00Z");
    private static final SubstrateSpec GPT_X = new SubstrateSpec("openai", "gpt-x", "gpt", Json.object());
    private static final Anchor PROSE = anchorOf(DriftFixtures.PROSE.subList(0, 20));

    private final CollusionDetector detector = new BehaviourCollusionDetector(CollusionWeights.DEFAULTS, DriftSettings.DEFAULTS);
    private final GraduationGate gate = new GraduationGate(3, 0.7, detector);

    private static Anchor anchorOf(List<String> texts) {
        Anchor anchor = Anchor.empty();
        for (String text : texts) {
            anchor = anchor.plus(BehaviorSample.of(text).featuresMillionths());
        }
        return anchor;
    }

    private static void assertCode(Runnable call, ErrorCode code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(VacantException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    private static String sign(Party party, Party parent, Party child, String text) {
        byte[] message = CanonicalJson.canonicalize(GraduationConsent.signingPayload(parent.id(), child.id(), text));
        return Base64Url.encode(party.signer().sign(message));
    }

    @Test
    void consent_passes_whenBothPartiesSignedTheRequest() {
        Party parent = Party.fresh();
        Party child = Party.fresh();

        assertThatCode(() -> GraduationConsent.verify(parent.id(), child.id(), "Finds papers",
                sign(parent, parent, child, "Finds papers"), sign(child, parent, child, "Finds papers")))
                .doesNotThrowAnyException();
    }

    @Test
    void consent_fails_whenASignatureIsMissingSwappedOrForAnotherText() {
        Party parent = Party.fresh();
        Party child = Party.fresh();
        String byParent = sign(parent, parent, child, "T");
        String byChild = sign(child, parent, child, "T");

        assertCode(() -> GraduationConsent.verify(parent.id(), child.id(), "T", byParent, null), ErrorCode.GRADUATION_CONSENT);
        assertCode(() -> GraduationConsent.verify(parent.id(), child.id(), "T", byChild, byParent), ErrorCode.GRADUATION_CONSENT);
        assertCode(() -> GraduationConsent.verify(parent.id(), child.id(), "T2", byParent, byChild), ErrorCode.GRADUATION_CONSENT);
        assertCode(() -> GraduationConsent.verify(parent.id(), child.id(), "T", "%%", byChild), ErrorCode.GRADUATION_CONSENT);
    }

    @Test
    void rateLimit_tripsOnTheFourthGraduation_withinAnySliding24Hours() {
        List<Instant> three = List.of(NOW.minus(Duration.ofHours(23)), NOW.minus(Duration.ofHours(2)), NOW.minusSeconds(1));

        assertCode(() -> gate.requireWithinRate(three, NOW), ErrorCode.GRADUATION_RATE_LIMITED);
        assertThatCode(() -> gate.requireWithinRate(three.subList(1, 3), NOW)).doesNotThrowAnyException();
        assertThatCode(() -> gate.requireWithinRate(three, NOW.plus(Duration.ofHours(1)))).doesNotThrowAnyException();
    }

    @Test
    void signals_weighControllerAndSubstrate_belowTheThreshold_forABudWithoutAnchor() {
        CollusionSignals signals = detector.signals(new CollusionParty("alice", GPT_X, PROSE),
                new CollusionParty("alice", GPT_X, Anchor.empty()));

        assertThat(signals).isEqualTo(new CollusionSignals(600, 500, 0));
        assertThat(gate.requireNoCollusion(new CollusionParty("alice", GPT_X, PROSE),
                new CollusionParty("alice", GPT_X, Anchor.empty()))).isEqualTo(signals);
    }

    @Test
    void signals_scoreSameFamilyOnly_andAnotherController_lower() {
        SubstrateSpec gptY = new SubstrateSpec("openai", "gpt-y", "gpt", Json.object());
        SubstrateSpec llama = new SubstrateSpec("local", "llama-3", "llama", Json.object());

        assertThat(detector.signals(new CollusionParty("alice", GPT_X, Anchor.empty()),
                new CollusionParty("bob", gptY, Anchor.empty()))).isEqualTo(new CollusionSignals(0, 300, 0));
        assertThat(detector.signals(new CollusionParty("alice", GPT_X, Anchor.empty()),
                new CollusionParty("bob", llama, Anchor.empty()))).isEqualTo(CollusionSignals.NONE);
    }

    @Test
    void gate_holdsBackABudThatStillWritesLikeItsParent_andPassesOneWithItsOwnStyle() {
        CollusionParty parent = new CollusionParty("alice", GPT_X, PROSE);
        CollusionParty lookAlike = new CollusionParty("alice", GPT_X, anchorOf(DriftFixtures.PROSE.subList(20, 26)));
        CollusionParty terse = new CollusionParty("alice", GPT_X, anchorOf(DriftFixtures.TERSE));

        assertThatThrownBy(() -> gate.requireNoCollusion(parent, lookAlike)).isInstanceOfSatisfying(VacantException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.GRADUATION_COLLUSION);
            assertThat(e.details()).containsEntry("same_controller", 0.6).containsEntry("same_substrate", 0.5)
                    .containsEntry("threshold", 0.7).containsKey("same_stylo");
            assertThat((Double) e.details().get("same_stylo")).isGreaterThanOrEqualTo(0.7);
        });
        assertThat(gate.requireNoCollusion(parent, terse).sameStyloMilli()).isZero();
    }

    @Test
    void noneDetector_letsEvenALookAlikePass() {
        GraduationGate consentOnly = new GraduationGate(3, 0.7, CollusionDetector.NONE);

        assertThat(consentOnly.requireNoCollusion(new CollusionParty("alice", GPT_X, PROSE),
                new CollusionParty("alice", GPT_X, PROSE))).isEqualTo(CollusionSignals.NONE);
    }
}
