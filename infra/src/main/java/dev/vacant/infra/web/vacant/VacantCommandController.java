package dev.vacant.infra.web.vacant;

import dev.vacant.infra.web.vacant.VacantRequests.CallBody;
import dev.vacant.infra.web.vacant.VacantRequests.GenesisBody;
import dev.vacant.infra.web.vacant.VacantRequests.HeartbeatBody;
import dev.vacant.infra.web.vacant.VacantRequests.ReviewBody;
import dev.vacant.infra.web.vacant.VacantRequests.SampleBody;
import dev.vacant.infra.web.vacant.VacantRequests.SpawnBody;
import dev.vacant.infra.web.vacant.VacantResponses.Spawned;
import dev.vacant.infra.web.vacant.VacantResponses.VacantState;
import dev.vacant.kernel.auth.Actor;
import dev.vacant.kernel.composite.OutboundDecision;
import dev.vacant.kernel.error.VacantException;
import dev.vacant.kernel.id.VacantId;
import java.util.Map;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** REST commands of a vacant's life ({@code api.md}): genesis, lifecycle events, spawn, samples ({@link VacantCommandService}). */
@RestController
@RequestMapping("/api/v1/vacants")
public class VacantCommandController {

    private final VacantCommandService vacants;

    public VacantCommandController(VacantCommandService vacants) {
        this.vacants = vacants;
    }

    @PostMapping("/genesis")
    @ResponseStatus(HttpStatus.CREATED)
    public VacantState genesis(@AuthenticationPrincipal Actor actor, @Valid @RequestBody GenesisBody body) {
        return CommandSender.await(vacants.genesis(actor, body));
    }

    @PostMapping("/{id}/heartbeats")
    public VacantState heartbeat(@AuthenticationPrincipal Actor actor, @PathVariable String id,
                                 @Valid @RequestBody(required = false) HeartbeatBody body) {
        return CommandSender.await(vacants.heartbeat(actor, id, body));
    }

    @PostMapping("/{id}/calls")
    public VacantState call(@AuthenticationPrincipal Actor actor, @PathVariable String id,
                            @Valid @RequestBody(required = false) CallBody body) {
        return CommandSender.await(vacants.call(actor, id, body));
    }

    @PostMapping("/{id}/reviews")
    public VacantState review(@AuthenticationPrincipal Actor actor, @PathVariable String id,
                              @Valid @RequestBody ReviewBody body) {
        return CommandSender.await(vacants.review(actor, id, body));
    }

    @PostMapping("/{id}/revive")
    public VacantState revive(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return CommandSender.await(vacants.revive(actor, id));
    }

    @PostMapping("/{id}/archive")
    public VacantState archive(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return CommandSender.await(vacants.archive(actor, id));
    }

    @PostMapping("/{id}/publish")
    public VacantState publish(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return CommandSender.await(vacants.publish(actor, id));
    }

    @PostMapping("/{id}/spawn")
    @ResponseStatus(HttpStatus.CREATED)
    public Spawned spawn(@AuthenticationPrincipal Actor actor, @PathVariable String id, @Valid @RequestBody SpawnBody body) {
        return CommandSender.await(vacants.spawn(actor, id, body));
    }

    @PostMapping("/{id}/samples")
    public VacantState sample(@AuthenticationPrincipal Actor actor, @PathVariable String id, @Valid @RequestBody SampleBody body) {
        return CommandSender.await(vacants.sample(actor, id, body));
    }

    @PostMapping("/{id}/anchor/reset")
    public VacantState resetAnchor(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return CommandSender.await(vacants.resetAnchor(actor, id));
    }
}
