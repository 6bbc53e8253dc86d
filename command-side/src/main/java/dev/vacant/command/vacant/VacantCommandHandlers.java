package dev.vacant.command.vacant;

import dev.vacant.command.composite.ChildRegistration;
import dev.vacant.command.composite.CompositeResults.PairResult;
import dev.vacant.command.composite.CompositeResults.RegistrationResult;
import dev.vacant.command.vacant.VacantCommands.CreateGenesisCommand;
import dev.vacant.command.vacant.VacantCommands.ReceiveReviewCommand;
import dev.vacant.command.vacant.VacantCommands.SpawnVacantCommand;
import dev.vacant.kernel.auth.Actor;
import dev.vacant.kernel.composite.ChildManifest;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import dev.vacant.kernel.id.VacantId;
import dev.vacant.kernel.lifecycle.LifecycleState;
import dev.vacant.kernel.spawn.ChildDesign;
import dev.vacant.kernel.spawn.ParentTraits;
import dev.vacant.kernel.spawn.SpawnConsent;
import dev.vacant.kernel.spawn.SpawnDesigner;
import dev.vacant.kernel.spawn.SpawnPath;
import dev.vacant.kernel.spawn.SpawnRequest;
import dev.vacant.kernel.vacant.BirthPayload;
import dev.vacant.kernel.vacant.RegistryVisibility;
import dev.vacant.kernel.vacant.ReviewPayload;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;

/**
 * Commands that create vacants or touch more than one: genesis, spawn (parent and child, and for D4 the second
 * parent; a D2 bud is also registered in its parent's composite) and reviews (the reviewer's state decides). All loads happen in the command's unit of work, so every
 * chain involved is appended atomically, each by its single writer.
 */
public class VacantCommandHandlers {

    private static final int MAX_SPAWN_KEY_CHARS = 256;

    private final Repository<Vacant> repository;
    private final VacantContext ctx;

    public VacantCommandHandlers(Repository<Vacant> repository, VacantContext ctx) {
        this.repository = repository;
        this.ctx = ctx;
    }

    @CommandHandler
    public VacantCommandResult handle(CreateGenesisCommand command) throws Exception {
        Actor actor = command.actor();
        actor.requireOperator();
        LifecycleState start = command.startState() == null ? LifecycleState.ACTIVE : command.startState();
        if (start != LifecycleState.ACTIVE && start != LifecycleState.LOCAL) {
            throw new VacantException(ErrorCode.VALIDATION_FAILED, "genesis starts ACTIVE or LOCAL");
        }
        String controller = command.controller() == null ? actor.principal() : command.controller();
        BirthPayload birth = new BirthPayload(start, controller, command.bundle().digest(), command.substrate().digest(),
                visibilityOf(start), null, null, null, null);
        VacantId id = ctx.custody().create();
        return repository.newInstance(() -> new Vacant(id, birth, command.bundle(), command.substrate(), ctx))
                .invoke(Vacant::result);
    }

    @CommandHandler
    public SpawnResult handle(SpawnVacantCommand command) throws Exception {
        SpawnRequest request = command.request();
        Aggregate<Vacant> parent = repository.load(command.parentId());
        ParentTraits primaryTraits = parent.invoke(v -> v.spawnTraits(command.actor()));
        String controller = childController(command, parent.invoke(Vacant::controller));
        Optional<String> earlier = earlierChild(parent, command);
        if (earlier.isPresent()) {
            return new SpawnResult(request.path(), repository.load(earlier.get()).invoke(Vacant::result),
                    parent.invoke(Vacant::result));
        }
        VacantId parentId = VacantId.parse(command.parentId());
        Aggregate<Vacant> second = null;
        ParentTraits secondTraits = null;
        if (request instanceof SpawnRequest.LineageMerge merge) {
            if (merge.parentB().equals(parentId)) {
                throw new VacantException(ErrorCode.VALIDATION_FAILED, "parent_b must differ from the spawning parent");
            }
            SpawnConsent.verify(merge.consent(), parentId, merge.parentB(), ctx.now());
            second = repository.load(merge.parentB().value());
            secondTraits = second.invoke(v -> v.consentTraits(merge.consent().nonce()));
        }
        ChildDesign design = SpawnDesigner.design(primaryTraits, secondTraits, request);
        VacantId childId = ctx.custody().create();
        VacantId secondaryId = request instanceof SpawnRequest.LineageMerge merge ? merge.parentB() : null;
        VacantCommandResult parentResult = parent.invoke(v -> v.recordSpawn(childId, request.path(), secondaryId, command.spawnKey(), ctx));
        if (second != null) {
            String nonce = ((SpawnRequest.LineageMerge) request).consent().nonce();
            second.execute(v -> v.recordConsentUsed(parentId, childId, nonce, ctx));
        }
        BirthPayload birth = new BirthPayload(design.startState(), controller, design.bundle().digest(),
                design.substrate().digest(), visibilityOf(design.startState()), parentId.value(), request.path(),
                secondaryId == null ? null : secondaryId.value(), design.capabilityText());
        Aggregate<Vacant> child = repository
                .newInstance(() -> new Vacant(childId, birth, design.bundle(), design.substrate(), ctx));
        VacantCommandResult childResult = child.invoke(Vacant::result);
        if (request.path() == SpawnPath.D2) {
            PairResult registered = registerBud(parent, child, parentId, childId, design.bundle().toolWhitelist()).heads();
            parentResult = registered.parent();
            childResult = registered.child();
        }
        return new SpawnResult(request.path(), childResult, parentResult);
    }

    /** The child the parent already spawned under the command's key, if it names one. */
    private static Optional<String> earlierChild(Aggregate<Vacant> parent, SpawnVacantCommand command) {
        String key = command.spawnKey();
        if (key == null) {
            return Optional.empty();
        }
        if (key.isBlank() || key.length() > MAX_SPAWN_KEY_CHARS) {
            throw new VacantException(ErrorCode.VALIDATION_FAILED, "spawn_key must be 1.." + MAX_SPAWN_KEY_CHARS
                    + " characters");
        }
        return parent.invoke(v -> v.childSpawnedUnder(key, command.request().path()));
    }

    /** A D2 bud joins its parent's composite at once, with the self-grown axes and a custody-signed v2 manifest. */
    private RegistrationResult registerBud(Aggregate<Vacant> parent, Aggregate<Vacant> bud, VacantId parentId,
                                           VacantId budId, List<String> tools) {
        ChildManifest manifest = ChildManifest.v2(parentId, budId, SpawnPath.D2, true, tools,
                        ChildManifest.Axes.SELF_GROWN, ctx.now())
                .signedBy(ctx.custody().signer(parentId), ctx.custody().signer(budId));
        return ChildRegistration.register(parent, bud, manifest, ctx);
    }

    @CommandHandler
    public VacantCommandResult handle(ReceiveReviewCommand command) {
        if (command.reviewer().value().equals(command.vacantId())) {
            throw new VacantException(ErrorCode.VALIDATION_FAILED, "a vacant cannot review itself");
        }
        repository.load(command.reviewer().value()).execute(reviewer -> reviewer.requireCanReviewAs(command.actor()));
        ReviewPayload review = new ReviewPayload(command.reviewer().value(), command.verdict(), command.score(),
                command.comment());
        return repository.load(command.vacantId()).invoke(v -> v.recordReview(review, ctx));
    }

    /** The parent's controller, unless the caller names another one it is entitled to name (itself, or any as operator). */
    private static String childController(SpawnVacantCommand command, String parentController) {
        String named = command.controller();
        if (named == null || named.equals(parentController)) {
            return parentController;
        }
        if (!command.actor().isOperator() && !command.actor().principal().equals(named)) {
            throw new VacantException(ErrorCode.FORBIDDEN, "a child may be given only to the calling controller");
        }
        return named;
    }

    private static RegistryVisibility visibilityOf(LifecycleState start) {
        return start == LifecycleState.LOCAL ? RegistryVisibility.NONE : RegistryVisibility.PUBLIC;
    }
}
