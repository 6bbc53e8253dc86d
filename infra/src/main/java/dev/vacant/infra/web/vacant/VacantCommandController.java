package dev.vacant.infra.web.vacant;

import dev.vacant.command.vacant.CompositeCommands.CallVacantCommand;
import dev.vacant.command.vacant.CompositeResults.CallResult;
import dev.vacant.command.vacant.SpawnResult;
import dev.vacant.command.vacant.VacantCommandResult;
import dev.vacant.command.vacant.VacantCommands.ArchiveVacantCommand;
import dev.vacant.command.vacant.VacantCommands.CreateGenesisCommand;
import dev.vacant.command.vacant.VacantCommands.PublishVacantCommand;
import dev.vacant.command.vacant.VacantCommands.ReceiveCallCommand;
import dev.vacant.command.vacant.VacantCommands.ReceiveReviewCommand;
import dev.vacant.command.vacant.VacantCommands.RecordHeartbeatCommand;
import dev.vacant.command.vacant.VacantCommands.ReportBehaviorSampleCommand;
import dev.vacant.command.vacant.VacantCommands.ResetAnchorCommand;
import dev.vacant.command.vacant.VacantCommands.ReviveVacantCommand;
import dev.vacant.command.vacant.VacantCommands.SpawnVacantCommand;
import dev.vacant.infra.projection.ProjectionPositions;
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

/** REST commands of a vacant's life ({@code api.md}): genesis, lifecycle events, spawn, samples. */
@RestController
@RequestMapping("/api/v1/vacants")
public class VacantCommandController {

    private final CommandSender commands;
    private final ProjectionPositions positions;

    public VacantCommandController(CommandSender commands, ProjectionPositions positions) {
        this.commands = commands;
        this.positions = positions;
    }

    private VacantState send(Object command) {
        VacantCommandResult result = commands.send(command);
        return VacantState.of(result, positions.head(), positions);
    }

    private static String id(String pathId) {
        return VacantRequests.vacantId("id", pathId).value();
    }

    @PostMapping("/genesis")
    @ResponseStatus(HttpStatus.CREATED)
    public VacantState genesis(@AuthenticationPrincipal Actor actor, @Valid @RequestBody GenesisBody body) {
        actor.requireOperator();
        return send(new CreateGenesisCommand(actor, body.controller(), body.state(), body.bundle().toBundle(),
                body.substrate().toSpec()));
    }

    @PostMapping("/{id}/heartbeats")
    public VacantState heartbeat(@AuthenticationPrincipal Actor actor, @PathVariable String id,
                                 @Valid @RequestBody(required = false) HeartbeatBody body) {
        return send(new RecordHeartbeatCommand(id(id), actor, body == null ? null : body.extra()));
    }

    @PostMapping("/{id}/calls")
    public VacantState call(@AuthenticationPrincipal Actor actor, @PathVariable String id,
                            @Valid @RequestBody(required = false) CallBody body) {
        String caller = body == null ? null : body.caller();
        if (caller == null || !VacantId.isValid(caller)) {
            return send(new ReceiveCallCommand(id(id), actor, caller));
        }
        CallResult result = commands.send(new CallVacantCommand(caller, actor, VacantRequests.vacantId("id", id)));
        OutboundDecision decision = result.verdict().decision();
        if (!decision.allowed()) {
            throw new VacantException(decision.code(), caller + " may not call " + id + " (Tree-Only, recorded as "
                    + "OUTBOUND_DENIED on the caller's logbook)", Map.of("rule", decision.rule().name(), "caller", caller));
        }
        return VacantState.of(result.callee(), positions.head(), positions);
    }

    @PostMapping("/{id}/reviews")
    public VacantState review(@AuthenticationPrincipal Actor actor, @PathVariable String id,
                              @Valid @RequestBody ReviewBody body) {
        return send(new ReceiveReviewCommand(id(id), actor, VacantRequests.vacantId("reviewer", body.reviewer()),
                body.verdict(), body.score()));
    }

    @PostMapping("/{id}/revive")
    public VacantState revive(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return send(new ReviveVacantCommand(id(id), actor));
    }

    @PostMapping("/{id}/archive")
    public VacantState archive(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return send(new ArchiveVacantCommand(id(id), actor));
    }

    @PostMapping("/{id}/publish")
    public VacantState publish(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return send(new PublishVacantCommand(id(id), actor));
    }

    @PostMapping("/{id}/spawn")
    @ResponseStatus(HttpStatus.CREATED)
    public Spawned spawn(@AuthenticationPrincipal Actor actor, @PathVariable String id, @Valid @RequestBody SpawnBody body) {
        SpawnResult result = commands.send(new SpawnVacantCommand(id(id), actor, body.toRequest(), body.controller()));
        return Spawned.of(result, positions.head(), positions);
    }

    @PostMapping("/{id}/samples")
    public VacantState sample(@AuthenticationPrincipal Actor actor, @PathVariable String id, @Valid @RequestBody SampleBody body) {
        return send(new ReportBehaviorSampleCommand(id(id), actor, body.text()));
    }

    @PostMapping("/{id}/anchor/reset")
    public VacantState resetAnchor(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return send(new ResetAnchorCommand(id(id), actor));
    }
}
