package dev.vacant.infra.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static java.util.Map.entry;

import io.grpc.MethodDescriptor;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every REST operation of the application's controllers has its gRPC twin, through an explicit table: a new endpoint
 * without a twin (or a twin that is gone) fails the build. The REST side is read from Spring's handler mappings, the
 * gRPC side from the descriptors of the services the server serves. Deliberate exceptions are listed with their reason.
 */
class GrpcTwinTableTest extends GrpcApiTestBase {

    /** REST operation ("METHOD path") to its gRPC twin ("service/Method"). */
    static final Map<String, String> TWINS = Map.ofEntries(
            // vacants
            entry("POST /api/v1/vacants/genesis", "vacant.vacants.v1.Vacants/Genesis"),
            entry("GET /api/v1/vacants", "vacant.vacants.v1.Vacants/List"),
            entry("GET /api/v1/vacants/{id}", "vacant.vacants.v1.Vacants/Get"),
            entry("POST /api/v1/vacants/{id}/heartbeats", "vacant.vacants.v1.Vacants/Heartbeat"),
            entry("POST /api/v1/vacants/{id}/calls", "vacant.vacants.v1.Vacants/Call"),
            entry("POST /api/v1/vacants/{id}/reviews", "vacant.vacants.v1.Vacants/Review"),
            entry("POST /api/v1/vacants/{id}/revive", "vacant.vacants.v1.Vacants/Revive"),
            entry("POST /api/v1/vacants/{id}/archive", "vacant.vacants.v1.Vacants/Archive"),
            entry("POST /api/v1/vacants/{id}/publish", "vacant.vacants.v1.Vacants/Publish"),
            entry("POST /api/v1/vacants/{id}/spawn", "vacant.vacants.v1.Vacants/Spawn"),
            entry("POST /api/v1/vacants/{id}/samples", "vacant.vacants.v1.Vacants/Sample"),
            entry("POST /api/v1/vacants/{id}/anchor/reset", "vacant.vacants.v1.Vacants/ResetAnchor"),
            entry("POST /api/v1/vacants/{id}/consents", "vacant.vacants.v1.Vacants/Consent"),
            entry("GET /api/v1/vacants/{id}/drift", "vacant.vacants.v1.Vacants/Drift"),
            entry("GET /api/v1/vacants/{id}/logbook", "vacant.vacants.v1.Vacants/Logbook"),
            entry("GET /api/v1/vacants/{id}/logbook/verification", "vacant.vacants.v1.Vacants/VerifyLogbook"),
            // lifecycle, lineage
            entry("GET /api/v1/lifecycle/transitions", "vacant.lifecycle.v1.Lifecycle/Transitions"),
            entry("GET /api/v1/vacants/{id}/lineage", "vacant.lineage.v1.Lineage/Lineage"),
            // composites and cards
            entry("GET /api/v1/composites/{parent}", "vacant.composites.v1.Composites/Get"),
            entry("POST /api/v1/composites/{parent}/children", "vacant.composites.v1.Composites/RegisterChild"),
            entry("POST /api/v1/composites/{parent}/allowlist", "vacant.composites.v1.Composites/ChangeAllowlist"),
            entry("POST /api/v1/composites/{parent}/outbound-checks", "vacant.composites.v1.Composites/CheckOutbound"),
            entry("POST /api/v1/composites/{parent}/delegations", "vacant.composites.v1.Composites/Delegate"),
            entry("POST /api/v1/composites/{parent}/delegations/{delegation}/completion",
                    "vacant.composites.v1.Composites/CompleteDelegation"),
            entry("POST /api/v1/composites/{parent}/graduations", "vacant.composites.v1.Composites/Graduate"),
            entry("GET /api/v1/vacants/{id}/card", "vacant.composites.v1.Composites/Card"),
            entry("PUT /api/v1/composites/{parent}/children/{child}/runner", "vacant.composites.v1.Composites/RunChild"),
            entry("DELETE /api/v1/composites/{parent}/children/{child}/runner",
                    "vacant.composites.v1.Composites/StopChild"),
            // tuple space
            entry("POST /api/v1/lanes/{lane}/out", "vacant.tuples.v1.Tuples/Out"),
            entry("POST /api/v1/lanes/{lane}/in", "vacant.tuples.v1.Tuples/In"),
            entry("POST /api/v1/lanes/{lane}/rd", "vacant.tuples.v1.Tuples/Rd"),
            entry("POST /api/v1/lanes/{lane}/route", "vacant.tuples.v1.Tuples/Route"),
            entry("GET /api/v1/lanes/{lane}/tuples", "vacant.tuples.v1.Tuples/Scan"),
            entry("GET /api/v1/tuples", "vacant.tuples.v1.Tuples/ScanSpace"),
            entry("POST /api/v1/walls/{wall}/hook", "vacant.tuples.v1.Tuples/Hook"),
            entry("POST /api/v1/walls/{wall}/check", "vacant.tuples.v1.Tuples/CheckWall"),
            entry("POST /api/v1/walls/{wall}/unhook", "vacant.tuples.v1.Tuples/Unhook"),
            entry("GET /api/v1/space/snapshot", "vacant.tuples.v1.Tuples/Snapshot"),
            entry("POST /api/v1/agents/spawn", "vacant.tuples.v1.Tuples/SpawnAgent"),
            entry("POST /api/v1/agents/batch-spawn", "vacant.tuples.v1.Tuples/BatchSpawn"),
            entry("POST /api/v1/agents/materialize", "vacant.tuples.v1.Tuples/Materialize"),
            entry("POST /api/v1/agents/compress", "vacant.tuples.v1.Tuples/Compress"),
            entry("POST /api/v1/agents/restore", "vacant.tuples.v1.Tuples/Restore"),
            entry("POST /api/v1/agents/prune-idle", "vacant.tuples.v1.Tuples/PruneIdle"),
            // audit
            entry("POST /api/v1/audit/replays", "vacant.audit.v1.Audit/StartReplay"),
            entry("GET /api/v1/audit/replays", "vacant.audit.v1.Audit/ListReplays"),
            entry("GET /api/v1/audit/replays/{job}", "vacant.audit.v1.Audit/GetReplay"),
            // tokens
            entry("POST /api/v1/tokens", "vacant.tokens.v1.Tokens/Create"),
            entry("GET /api/v1/tokens", "vacant.tokens.v1.Tokens/List"),
            entry("DELETE /api/v1/tokens/{id}", "vacant.tokens.v1.Tokens/Revoke"),
            // tasks, control, rewards
            entry("GET /api/v1/tasks/transitions", "vacant.tasks.v1.Tasks/Transitions"),
            entry("POST /api/v1/tasks", "vacant.tasks.v1.Tasks/Submit"),
            entry("GET /api/v1/tasks/{id}", "vacant.tasks.v1.Tasks/Get"),
            entry("GET /api/v1/tasks", "vacant.tasks.v1.Tasks/List"),
            entry("POST /api/v1/control/halt", "vacant.tasks.v1.Tasks/Halt"),
            entry("POST /api/v1/control/pause", "vacant.tasks.v1.Tasks/Pause"),
            entry("POST /api/v1/control/resume", "vacant.tasks.v1.Tasks/Resume"),
            entry("GET /api/v1/rewards/{vacant}", "vacant.tasks.v1.Tasks/Rewards"),
            // checkpoints and proofs
            entry("POST /api/v1/checkpoints", "vacant.checkpoints.v1.Checkpoints/Create"),
            entry("GET /api/v1/checkpoints/latest", "vacant.checkpoints.v1.Checkpoints/Latest"),
            entry("GET /api/v1/checkpoints/{size}", "vacant.checkpoints.v1.Checkpoints/Get"),
            entry("GET /api/v1/checkpoints/first-including", "vacant.checkpoints.v1.Checkpoints/FirstIncluding"),
            entry("POST /api/v1/checkpoints/{size}/cosignatures", "vacant.checkpoints.v1.Checkpoints/Cosign"),
            entry("GET /api/v1/proofs/inclusion", "vacant.checkpoints.v1.Checkpoints/Inclusion"),
            entry("GET /api/v1/proofs/consistency", "vacant.checkpoints.v1.Checkpoints/Consistency"),
            // projection administration
            entry("GET /api/v1/projections", "vacant.projections.v1.Projections/List"),
            entry("GET /api/v1/projections/dead-letters", "vacant.projections.v1.Projections/DeadLetters"),
            entry("POST /api/v1/projections/dead-letters/{id}/retry", "vacant.projections.v1.Projections/RetryDeadLetter"),
            entry("POST /api/v1/projections/{name}/reset", "vacant.projections.v1.Projections/Reset"));

    /** REST paths with no twin on purpose: the servlet error page (every method) is no API operation. */
    static final Set<String> REST_ONLY_PATHS = Set.of("${server.error.path:${error.path:/error}}", "/error");

    /** gRPC methods with no REST operation on purpose: the streams (REST has no server push). */
    static final Set<String> GRPC_ONLY = Set.of("vacant.vacants.v1.Vacants/WatchVacant", "vacant.tuples.v1.Tuples/WatchLane");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    List<GrpcApi> services;

    /** The application's REST operations, as "METHOD path" (springdoc's and Boot's own handlers left out). */
    private Set<String> restOperations() {
        Set<String> operations = new TreeSet<>();
        mappings.getHandlerMethods().forEach((RequestMappingInfo info, HandlerMethod handler) -> {
            if (handler.getBeanType().getPackageName().startsWith("dev.vacant.infra")) {
                info.getPatternValues().stream().filter(path -> !REST_ONLY_PATHS.contains(path))
                        .forEach(path -> info.getMethodsCondition().getMethods()
                                .forEach(method -> operations.add(method.name() + " " + path)));
            }
        });
        return operations;
    }

    /** The methods of every service the gRPC server serves, as "service/Method". */
    private Set<String> grpcMethods() {
        Set<String> methods = new TreeSet<>();
        services.forEach(service -> service.bindService().getMethods().stream()
                .map(method -> method.getMethodDescriptor().getFullMethodName()).forEach(methods::add));
        return methods;
    }

    @Test
    void everyRestOperation_hasItsGrpcTwin() {
        Set<String> rest = restOperations();

        assertThat(rest).hasSizeGreaterThan(60);
        assertThat(TWINS.keySet()).as("REST operations without a gRPC twin in TWINS").containsAll(rest);
        assertThat(rest).as("TWINS entries naming no REST operation").containsAll(TWINS.keySet());
    }

    @Test
    void everyTwin_isServed_andEveryServedMethod_isATwinOrAStream() {
        Set<String> served = grpcMethods();

        assertThat(served).as("twins the gRPC server does not serve").containsAll(TWINS.values());
        assertThat(served).containsAll(GRPC_ONLY);
        Set<String> accounted = new TreeSet<>(TWINS.values());
        accounted.addAll(GRPC_ONLY);
        assertThat(accounted).as("served methods with no REST twin and no reason").containsAll(served);
        assertThat(services).allSatisfy(service -> assertThat(service.bindService().getMethods())
                .extracting(method -> method.getMethodDescriptor().getType())
                .allMatch(type -> type == MethodDescriptor.MethodType.UNARY
                        || type == MethodDescriptor.MethodType.SERVER_STREAMING));
    }
}
