import dev.vacant.infra.VacantApplication;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline.TimelineEvent;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Where a start of the server goes: runs the application once with Spring Boot's {@link BufferingApplicationStartup}
 * (the steps {@code /actuator/startup} would show: configuration class parsing, each bean factory post-processor,
 * each bean's instantiation, the web server), then closes it and prints the TOP steps by inclusive time and by self
 * time (a step's time minus its children's). Wall times: on a busy machine they stretch, their proportions hold.
 *
 * Usage (the arguments are the server's; give it a scratch data directory and free ports):
 * java -Djarmode=tools -jar infra/target/vacant.jar extract --destination target/startup-steps
 * java -cp target/startup-steps/vacant.jar bench/StartupSteps.java --vacant.data-dir=/tmp/scratch --server.port=0
 *      --vacant.grpc.port=0   (env: TOP, default 25; -Dspring.aot.enabled=true before -cp: the launcher's AOT mode)
 */
public class StartupSteps {

    public static void main(String[] args) {
        int top = Integer.parseInt(System.getenv().getOrDefault("TOP", "25"));
        long started = System.nanoTime();
        SpringApplication application = VacantApplication.application();
        BufferingApplicationStartup startup = new BufferingApplicationStartup(100_000);
        application.setApplicationStartup(startup);
        ConfigurableApplicationContext context = application.run(args);
        long runMillis = (System.nanoTime() - started) / 1_000_000;
        context.close();
        List<TimelineEvent> steps = startup.getBufferedTimeline().getEvents();
        Map<Long, Long> childNanos = new HashMap<>();
        steps.stream().filter(step -> step.getStartupStep().getParentId() != null).forEach(step -> childNanos.merge(
                step.getStartupStep().getParentId(), step.getDuration().toNanos(), Long::sum));
        System.out.printf("SpringApplication.run: %d ms, %d steps%n", runMillis, steps.size());
        print("steps by inclusive time", steps, step -> step.getDuration().toNanos(), top);
        print("steps by self time", steps, step -> step.getDuration().toNanos()
                - childNanos.getOrDefault(step.getStartupStep().getId(), 0L), top);
    }

    private static void print(String title, List<TimelineEvent> steps, ToLongFunction<TimelineEvent> nanos, int top) {
        System.out.println("-- " + title);
        steps.stream().sorted(Comparator.comparingLong(nanos).reversed()).limit(top).forEach(step -> {
            StringBuilder tags = new StringBuilder();
            step.getStartupStep().getTags().forEach(tag -> tags.append(' ').append(tag.getKey()).append('=')
                    .append(tag.getValue()));
            System.out.printf("%7d ms  %s%s%n", nanos.applyAsLong(step) / 1_000_000, step.getStartupStep().getName(), tags);
        });
    }
}
