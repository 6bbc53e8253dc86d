package dev.vacant.infra.web.vacant;

import dev.vacant.command.composite.CompositeCommands.CallVacantCommand;
import dev.vacant.command.composite.CompositeResults.CallResult;
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
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Service;
import org.springframework.validation.annotation.Validated;

/**
 * The commands of a vacant's life ({@code api.md}) as the REST and gRPC adapters share them: validates the request
 * bodies (Bean Validation, {@code VALIDATION_FAILED}), maps them to commands, sends them and answers the resulting
 * state with the event position a query can wait for. Vacant ids arrive as the caller wrote them. A malformed
 * request is thrown at once; the answer completes when the command's group committed, on the thread that committed
 * it (the gRPC adapter replies from there, REST waits: {@link CommandSender#await}).
 */
@Service
@Validated
public class VacantCommandService {

    private final CommandSender commands;
    private final ProjectionPositions positions;

    public VacantCommandService(CommandSender commands, ProjectionPositions positions) {
        this.commands = commands;
        this.positions = positions;
    }

    private CompletableFuture<VacantState> send(Object command) {
        return commands.<VacantCommandResult>dispatch(command).thenApply(result -> VacantState.of(result, positions));
    }

    private static String id(String id) {
        return VacantRequests.vacantId("id", id).value();
    }

    public CompletableFuture<VacantState> genesis(Actor actor, @NotNull @Valid GenesisBody body) {
        actor.requireOperator();
        return send(new CreateGenesisCommand(actor, body.controller(), body.state(), body.bundle().toBundle(),
                body.substrate().toSpec()));
    }

    public CompletableFuture<VacantState> heartbeat(Actor actor, String id, @Valid HeartbeatBody body) {
        return send(new RecordHeartbeatCommand(id(id), actor, body == null ? null : body.extra()));
    }

    /**
     * A call. A caller that is a vacant goes through Tree-Only ({@code AuthorizeOutboundCall}'s rule): a denial is
     * recorded as OUTBOUND_DENIED on the caller's logbook and answered with its code; any other caller is external.
     */
    public CompletableFuture<VacantState> call(Actor actor, String id, @Valid CallBody body) {
        String caller = body == null ? null : body.caller();
        if (caller == null || !VacantId.isValid(caller)) {
            return send(new ReceiveCallCommand(id(id), actor, caller));
        }
        return commands.<CallResult>dispatch(new CallVacantCommand(caller, actor, VacantRequests.vacantId("id", id)))
                .thenApply(result -> {
                    OutboundDecision decision = result.verdict().decision();
                    if (!decision.allowed()) {
                        throw new VacantException(decision.code(), caller + " may not call " + id + " (Tree-Only, "
                                + "recorded as OUTBOUND_DENIED on the caller's logbook)",
                                Map.of("rule", decision.rule().name(), "caller", caller));
                    }
                    return VacantState.of(result.callee(), positions.head(), positions);
                });
    }

    public CompletableFuture<VacantState> review(Actor actor, String id, @NotNull @Valid ReviewBody body) {
        return send(new ReceiveReviewCommand(id(id), actor, VacantRequests.vacantId("reviewer", body.reviewer()),
                body.verdict(), body.score(), body.comment()));
    }

    public CompletableFuture<VacantState> revive(Actor actor, String id) {
        return send(new ReviveVacantCommand(id(id), actor));
    }

    public CompletableFuture<VacantState> archive(Actor actor, String id) {
        return send(new ArchiveVacantCommand(id(id), actor));
    }

    public CompletableFuture<VacantState> publish(Actor actor, String id) {
        return send(new PublishVacantCommand(id(id), actor));
    }

    public CompletableFuture<Spawned> spawn(Actor actor, String id, @NotNull @Valid SpawnBody body) {
        return commands.<SpawnResult>dispatch(new SpawnVacantCommand(id(id), actor, body.toRequest(), body.controller()))
                .thenApply(result -> Spawned.of(result, positions));
    }

    public CompletableFuture<VacantState> sample(Actor actor, String id, @NotNull @Valid SampleBody body) {
        return send(new ReportBehaviorSampleCommand(id(id), actor, body.text()));
    }

    public CompletableFuture<VacantState> resetAnchor(Actor actor, String id) {
        return send(new ResetAnchorCommand(id(id), actor));
    }
}
