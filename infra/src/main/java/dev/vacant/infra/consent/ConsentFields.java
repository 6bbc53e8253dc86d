package dev.vacant.infra.consent;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.vacant.infra.web.vacant.VacantRequests;
import dev.vacant.kernel.composite.ChildManifest;
import dev.vacant.kernel.composite.GraduationConsent;
import dev.vacant.kernel.consent.ConsentRequest;
import dev.vacant.kernel.consent.ConsentRequest.ManifestSide;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import dev.vacant.kernel.spawn.SpawnConsent;
import java.util.Locale;

/**
 * A consent request as clients send it (REST body; the gRPC message carries the same fields): the {@code purpose}
 * and that purpose's fields, plus an optional {@code signature} produced outside the server.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ConsentFields(String purpose, String primary, String nonce, String expiresAt, String parent, String child,
                            String capabilityText, ChildManifest manifest, String side, String signature) {

    /** The kernel's request for this purpose; {@code VALIDATION_FAILED} for any other purpose or a missing field. */
    public ConsentRequest toRequest() {
        if (SpawnConsent.PURPOSE.equals(purpose)) {
            return new ConsentRequest.SpawnD4(primary == null ? null : VacantRequests.vacantId("primary", primary),
                    nonce, expiresAt);
        }
        if (GraduationConsent.PURPOSE.equals(purpose)) {
            return new ConsentRequest.Graduation(parent == null ? null : VacantRequests.vacantId("parent", parent),
                    child == null ? null : VacantRequests.vacantId("child", child), capabilityText);
        }
        if (ManifestSide.PURPOSE.equals(purpose)) {
            return new ManifestSide(manifest, parsedSide());
        }
        throw new VacantException(ErrorCode.VALIDATION_FAILED, "purpose must be one of " + SpawnConsent.PURPOSE + ", "
                + GraduationConsent.PURPOSE + ", " + ManifestSide.PURPOSE);
    }

    private ManifestSide.Side parsedSide() {
        if ("parent".equals(side) || "child".equals(side)) {
            return ManifestSide.Side.valueOf(side.toUpperCase(Locale.ROOT));
        }
        throw new VacantException(ErrorCode.VALIDATION_FAILED, "side must be parent or child");
    }
}
