package dev.vacant.infra.tuple.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vacant.command.tuple.space.RegisteredVacants.Registered;
import dev.vacant.kernel.auth.Actor;
import dev.vacant.kernel.auth.Role;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import dev.vacant.kernel.id.VacantId;
import dev.vacant.kernel.tuple.Authority;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The authority decision over the registry port (the JDBC adapter is exercised by the tuple API tests). */
class TupleAuthoritiesTest {

    private static final VacantId VACANT = VacantId.of(new byte[32]);
    private final Map<VacantId, Registered> registry = Map.of(VACANT, new Registered("alice", Set.of("read")));
    private final TupleAuthorities authorities = new TupleAuthorities(id -> Optional.ofNullable(registry.get(id)));

    @Test
    void resolve_givesTheVacantWithItsWhitelistedTools_toItsControllerAndToOperators() {
        Authority controller = authorities.resolve(new Actor("alice", Role.CONTROLLER), VACANT.value());
        Authority operator = authorities.resolve(new Actor("ops", Role.OPERATOR), VACANT.value());

        assertThat(controller).isEqualTo(new Authority(VACANT, Set.of("read")));
        assertThat(operator).isEqualTo(controller);
    }

    @Test
    void resolve_refusesOtherPrincipalsUnknownVacantsAndMalformedIds() {
        String unknown = VacantId.of(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20,
                21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32}).value();

        assertRefused(new Actor("bob", Role.CONTROLLER), VACANT.value(), ErrorCode.FORBIDDEN);
        assertRefused(new Actor("alice", Role.CONTROLLER), unknown, ErrorCode.NOT_FOUND);
        assertRefused(new Actor("alice", Role.CONTROLLER), "alice", ErrorCode.VALIDATION_FAILED);
    }

    private void assertRefused(Actor actor, String vacant, ErrorCode code) {
        assertThatThrownBy(() -> authorities.resolve(actor, vacant))
                .isInstanceOfSatisfying(VacantException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
