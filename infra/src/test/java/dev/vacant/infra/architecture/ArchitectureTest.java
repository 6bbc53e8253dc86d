package dev.vacant.infra.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.fasterxml.jackson.databind.JsonNode;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.vacant.command.tuple.gateway.LaneTransport;
import dev.vacant.command.tuple.gateway.TupleGateway;
import dev.vacant.command.tuple.space.LaneWorker;
import dev.vacant.command.tuple.space.SpaceScan;
import dev.vacant.command.tuple.space.TupleCodec;
import dev.vacant.command.tuple.space.TupleReply;
import dev.vacant.command.tuple.space.TupleResultJson;
import dev.vacant.command.tuple.space.TupleSpace;
import dev.vacant.infra.VacantApplication;
import java.util.Arrays;
import org.axonframework.commandhandling.CommandHandler;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.stereotype.Component;

/** Module boundaries, checked on the main classes of every module. */
@AnalyzeClasses(packages = "dev.vacant",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.DoNotIncludeTestJars.class,
                ArchitectureTest.DoNotIncludeAotGeneratedCode.class})
class ArchitectureTest {

    @ArchTest
    static final ArchRule kernel_dependsOnNeitherSpringNorAxon = noClasses()
            .that().resideInAPackage("dev.vacant.kernel..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.axonframework..");

    // The command and query modules hold no classes yet: an empty selection must not fail.
    @ArchTest
    static final ArchRule commandSide_doesNotDependOnQuerySide = noClasses()
            .that().resideInAPackage("dev.vacant.command..")
            .should().dependOnClassesThat().resideInAPackage("dev.vacant.query..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule querySide_doesNotDependOnCommandSide = noClasses()
            .that().resideInAPackage("dev.vacant.query..")
            .should().dependOnClassesThat().resideInAPackage("dev.vacant.command..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule commandSide_dependsOnNoSpringJdbcKafkaNorMicrometer = noClasses()
            .that().resideInAPackage("dev.vacant.command..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..",
                    "org.apache.kafka..", "io.micrometer..");

    /** Every component (aggregates, projections, configurations, adapters) lies where the application scans. */
    @ArchTest
    static final ArchRule components_resideInTheScannedPackages = classes()
            .that().areMetaAnnotatedWith(Component.class)
            .should().resideInAnyPackage(Arrays.stream(VacantApplication.class
                    .getAnnotation(SpringBootApplication.class).scanBasePackages())
                    .map(scanned -> scanned + "..").toArray(String[]::new));

    /** The tuple space's domain lives in {@code dev.vacant.command.tuple}; infra keeps only its adapters. */
    @ArchTest
    static final ArchRule infraTuple_holdsOnlyAdapters = classes()
            .that().resideInAPackage("dev.vacant.infra.tuple..")
            .should().resideInAnyPackage("dev.vacant.infra.tuple", "dev.vacant.infra.tuple.identity",
                    "dev.vacant.infra.tuple.jdbc", "dev.vacant.infra.tuple.provider",
                    "dev.vacant.infra.tuple.transport", "dev.vacant.infra.tuple.web");

    /** REST and gRPC adapters (and their services) read through ports and query services, never SQL of their own. */
    @ArchTest
    static final ArchRule webAdapters_runNoSql = noClasses()
            .that().resideInAnyPackage("dev.vacant.infra..web..", "dev.vacant.infra.grpc..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "java.sql..",
                    "javax.sql..");

    /** The lane-worker core is the innermost layer: the front (gateway), execution lanes and runner build on it. */
    @ArchTest
    static final ArchRule laneWorkerCore_dependsOnNoOuterTupleLayer = noClasses()
            .that().resideInAPackage("dev.vacant.command.tuple.space..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.vacant.command.tuple.gateway..",
                    "dev.vacant.command.tuple.lane..", "dev.vacant.command.tuple.runner..");

    /** The tuple core answers typed {@code TupleResult}s: none of its op-facing methods returns JSON. */
    @ArchTest
    static final ArchRule tupleCore_returnsTypedResults = noMethods()
            .that().arePublic().and().areDeclaredInClassesThat().belongToAnyOf(TupleSpace.class, LaneWorker.class,
                    SpaceScan.class, TupleGateway.class, LaneTransport.class, TupleReply.class)
            .should().haveRawReturnType(JavaClass.Predicates.assignableTo(JsonNode.class));

    /**
     * Results become JSON at the edge: in the command side only {@link TupleCodec} (the stored and Kafka reply form)
     * uses {@link TupleResultJson}; the REST and gRPC adapters in infra use it for their answers.
     */
    @ArchTest
    static final ArchRule tupleResultJson_isUsedOnlyByTheReplyCodecAndTheAdapters = noClasses()
            .that().resideInAPackage("dev.vacant.command..")
            .and().doNotBelongToAnyOf(TupleCodec.class, TupleResultJson.class)
            .should().dependOnClassesThat().belongToAnyOf(TupleResultJson.class);

    /** Composite is a concept of its own: its state, commands, results and handlers live in its package. */
    @ArchTest
    static final ArchRule compositeTypes_liveInCompositePackage = classes()
            .that().resideInAPackage("dev.vacant.command..").and().haveSimpleNameStartingWith("Composite")
            .and().resideOutsideOfPackage("dev.vacant.command.tuple..")
            .should().resideInAPackage("dev.vacant.command.composite..");

    /** Every handler of a composite command is declared in the composite's package, not in {@code Vacant}'s. */
    @ArchTest
    static final ArchRule compositeCommandHandlers_liveInCompositePackage = methods()
            .that().areAnnotatedWith(CommandHandler.class).and(handleACommandOf("dev.vacant.command.composite"))
            .should().beDeclaredInClassesThat().resideInAPackage("dev.vacant.command.composite..");

    @ArchTest
    static final ArchRule infra_isDependedOnByNoOtherModule = noClasses()
            .that().resideOutsideOfPackage("dev.vacant.infra..")
            .should().dependOnClassesThat().resideInAPackage("dev.vacant.infra..");

    private static DescribedPredicate<JavaMethod> handleACommandOf(String commandPackage) {
        return DescribedPredicate.describe("handle a command of " + commandPackage, method ->
                !method.getRawParameterTypes().isEmpty()
                        && method.getRawParameterTypes().get(0).getPackageName().equals(commandPackage));
    }

    /** Leaves out test-jars (such as the shared-kernel test support), which hold test code. */
    static final class DoNotIncludeTestJars implements ImportOption {

        @Override
        public boolean includes(Location location) {
            return !location.contains("-tests.jar");
        }
    }

    /**
     * Leaves out the code Spring's AOT processing generates next to each bean's class ({@code Type__BeanDefinitions}
     * and the like, in {@code target/classes} after a {@code package}): it is the build's, not a module's.
     */
    static final class DoNotIncludeAotGeneratedCode implements ImportOption {

        @Override
        public boolean includes(Location location) {
            return !location.contains("__");
        }
    }
}
