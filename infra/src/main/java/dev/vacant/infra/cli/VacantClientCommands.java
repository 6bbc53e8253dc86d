package dev.vacant.infra.cli;

import dev.vacant.grpc.lineage.v1.LineageGrpc;
import dev.vacant.grpc.lineage.v1.LineageRequest;
import dev.vacant.grpc.vacants.v1.Bundle;
import dev.vacant.grpc.vacants.v1.CallRequest;
import dev.vacant.grpc.vacants.v1.Consent;
import dev.vacant.grpc.vacants.v1.GenesisRequest;
import dev.vacant.grpc.vacants.v1.GetRequest;
import dev.vacant.grpc.vacants.v1.HeartbeatRequest;
import dev.vacant.grpc.vacants.v1.ListRequest;
import dev.vacant.grpc.vacants.v1.LogbookRequest;
import dev.vacant.grpc.vacants.v1.SpawnRequest;
import dev.vacant.grpc.vacants.v1.Substrate;
import dev.vacant.grpc.vacants.v1.VacantChange;
import dev.vacant.grpc.vacants.v1.VacantsGrpc;
import dev.vacant.grpc.vacants.v1.VacantsGrpc.VacantsBlockingStub;
import dev.vacant.grpc.vacants.v1.WatchVacantRequest;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The thin gRPC client's commands on vacants ({@code api.md}): {@code genesis}, {@code show}, {@code list},
 * {@code heartbeat}, {@code call}, {@code spawn}, {@code logbook}, {@code lineage}, {@code watch}, plus the
 * {@code tuple} group ({@link TupleClientCommands}). Each is one call of {@code vacant.vacants.v1.Vacants} (or
 * {@code vacant.lineage.v1.Lineage}); the answer is printed as the server gave it.
 */
final class VacantClientCommands {

    private VacantClientCommands() {
    }

    /** Adds the client commands to the {@code vacant} command line. */
    static CommandLine addTo(CommandLine vacant) {
        for (Object command : List.of(new Genesis(), new Show(), new ListVacants(), new Heartbeat(), new Call(),
                new Spawn(), new Logbook(), new Lineage(), new Watch(), new TupleClientCommands())) {
            vacant.addSubcommand(command);
        }
        return vacant;
    }

    /** A command on one vacant's stub. */
    abstract static class VacantCommand extends ClientCommand {
        VacantsBlockingStub vacants() {
            return stub(VacantsGrpc::newBlockingStub);
        }
    }

    /** Where a vacant runs (genesis, D5). */
    static final class SubstrateOptions {
        @Option(names = "--provider", required = true)
        String provider;
        @Option(names = "--model", required = true)
        String model;
        @Option(names = "--model-family", required = true)
        String modelFamily;

        Substrate toSubstrate() {
            return Substrate.newBuilder().setProvider(provider).setModel(model).setModelFamily(modelFamily).build();
        }
    }

    @Command(name = "genesis", mixinStandardHelpOptions = true, description = "Create a vacant (operator).")
    static final class Genesis extends VacantCommand {
        @Option(names = "--controller", required = true, description = "Principal who controls the new vacant.")
        String controller;
        @Option(names = "--state", description = "Initial state (default ACTIVE).")
        String state;
        @Option(names = "--system-prompt", required = true)
        String systemPrompt;
        @Option(names = "--policy-dsl", defaultValue = "")
        String policyDsl;
        @Option(names = "--tool", description = "A tool of the whitelist (repeatable).")
        List<String> tools = new ArrayList<>();
        @ArgGroup(exclusive = false, multiplicity = "1")
        SubstrateOptions substrate;

        @Override
        void run() {
            GenesisRequest.Builder request = GenesisRequest.newBuilder().setController(controller)
                    .setBundle(Bundle.newBuilder().setSystemPrompt(systemPrompt).setPolicyDsl(policyDsl).addAllToolWhitelist(tools))
                    .setSubstrate(substrate.toSubstrate());
            ifGiven(state, request::setState);
            print(vacants().genesis(request.build()));
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one vacant.")
    static final class Show extends VacantCommand {
        @Parameters(paramLabel = "ID")
        String id;

        @Override
        void run() {
            print(vacants().get(GetRequest.newBuilder().setId(id).setConsistency("strong").build()));
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the vacants the caller may see.")
    static final class ListVacants extends VacantCommand {
        @Option(names = "--state")
        String state;
        @Option(names = "--controller")
        String controller;
        @Option(names = "--visibility")
        String visibility;
        @Option(names = "--after", description = "Continue after this id (next_after of the previous page).")
        String after;
        @Option(names = "--limit")
        Integer limit;

        @Override
        void run() {
            ListRequest.Builder request = ListRequest.newBuilder().setConsistency("strong");
            ifGiven(state, request::setState);
            ifGiven(controller, request::setController);
            ifGiven(visibility, request::setVisibility);
            ifGiven(after, request::setAfter);
            ifGiven(limit, request::setLimit);
            print(vacants().list(request.build()));
        }
    }

    @Command(name = "heartbeat", mixinStandardHelpOptions = true, description = "Record a heartbeat.")
    static final class Heartbeat extends VacantCommand {
        @Parameters(paramLabel = "ID")
        String id;

        @Override
        void run() {
            print(vacants().heartbeat(HeartbeatRequest.newBuilder().setId(id).build()));
        }
    }

    @Command(name = "call", mixinStandardHelpOptions = true, description = "Record a call received.")
    static final class Call extends VacantCommand {
        @Parameters(paramLabel = "ID")
        String id;
        @Option(names = "--caller")
        String caller;

        @Override
        void run() {
            CallRequest.Builder request = CallRequest.newBuilder().setId(id);
            ifGiven(caller, request::setCaller);
            print(vacants().call(request.build()));
        }
    }

    @Command(name = "spawn", mixinStandardHelpOptions = true, description = "Spawn a child by path D1..D5.")
    static final class Spawn extends VacantCommand {
        @Parameters(paramLabel = "ID", description = "The (primary) parent.")
        String id;
        @Option(names = "--path", required = true, description = "D1 clone with mutation, D2 bud, D3 fork, D4 merge, D5 respawn.")
        String path;
        @Option(names = "--policy-mutation")
        String policyMutation;
        @Option(names = "--narrowed-tool", description = "D2: a tool the bud keeps (repeatable).")
        List<String> narrowedTools = new ArrayList<>();
        @Option(names = "--new-capability-text")
        String newCapabilityText;
        @Option(names = "--new-system-prompt")
        String newSystemPrompt;
        @Option(names = "--parent-b")
        String parentB;
        @Option(names = "--merged-system-prompt")
        String mergedSystemPrompt;
        @Option(names = "--consent-nonce")
        String consentNonce;
        @Option(names = "--consent-expires-at")
        String consentExpiresAt;
        @Option(names = "--consent-signature")
        String consentSignature;
        @Option(names = "--controller", description = "Controller of the child (default: the parent's).")
        String controller;
        @ArgGroup(exclusive = false, heading = "D5 substrate%n")
        SubstrateOptions newSubstrate;

        @Override
        void run() {
            SpawnRequest.Builder request = SpawnRequest.newBuilder().setId(id).setPath(path).addAllNarrowedTools(narrowedTools);
            ifGiven(policyMutation, request::setPolicyMutation);
            ifGiven(newCapabilityText, request::setNewCapabilityText);
            ifGiven(newSystemPrompt, request::setNewSystemPrompt);
            ifGiven(parentB, request::setParentB);
            ifGiven(mergedSystemPrompt, request::setMergedSystemPrompt);
            ifGiven(controller, request::setController);
            if (consentSignature != null) {
                Consent.Builder consent = Consent.newBuilder().setSignature(consentSignature);
                ifGiven(consentNonce, consent::setNonce);
                ifGiven(consentExpiresAt, consent::setExpiresAt);
                request.setConsent(consent);
            }
            if (newSubstrate != null) {
                request.setNewSubstrateSpec(newSubstrate.toSubstrate());
            }
            print(vacants().spawn(request.build()));
        }
    }

    @Command(name = "logbook", mixinStandardHelpOptions = true, description = "Print a vacant's signed logbook entries.")
    static final class Logbook extends VacantCommand {
        @Parameters(paramLabel = "ID")
        String id;
        @Option(names = "--from-seq", defaultValue = "0")
        long fromSeq;
        @Option(names = "--limit")
        Integer limit;

        @Override
        void run() {
            LogbookRequest.Builder request = LogbookRequest.newBuilder().setId(id).setFromSeq(fromSeq).setConsistency("strong");
            ifGiven(limit, request::setLimit);
            print(vacants().logbook(request.build()));
        }
    }

    @Command(name = "lineage", mixinStandardHelpOptions = true, description = "Print a vacant's lineage.")
    static final class Lineage extends ClientCommand {
        @Parameters(paramLabel = "ID")
        String id;
        @Option(names = "--direction", description = "ancestors, descendants (default), children or parents.")
        String direction;
        @Option(names = "--format", description = "list (default) or tree.")
        String format;
        @Option(names = "--depth")
        Integer depth;

        @Override
        void run() {
            LineageRequest.Builder request = LineageRequest.newBuilder().setId(id).setConsistency("strong");
            ifGiven(direction, request::setDirection);
            ifGiven(format, request::setFormat);
            ifGiven(depth, request::setDepth);
            print(stub(LineageGrpc::newBlockingStub).lineage(request.build()));
        }
    }

    @Command(name = "watch", mixinStandardHelpOptions = true,
            description = "Follow a vacant: its logbook entries from --from-seq, then each new one, until interrupted.")
    static final class Watch extends VacantCommand {
        @Parameters(paramLabel = "ID")
        String id;
        @Option(names = "--from-seq", defaultValue = "0")
        long fromSeq;
        @Option(names = "--count", description = "Stop after this many entries (default: follow until interrupted).")
        Integer count;

        @Override
        void run() {
            Iterator<VacantChange> changes = vacants().watchVacant(
                    WatchVacantRequest.newBuilder().setId(id).setFromSeq(fromSeq).build());
            for (int seen = 0; (count == null || seen < count) && changes.hasNext(); seen++) {
                print(changes.next());
            }
        }
    }
}
