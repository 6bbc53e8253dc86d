import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * The top frames of a JDK Flight Recorder recording's CPU samples ({@code jdk.ExecutionSample}), optionally only
 * those taken in a time window (the command bench prints each phase's window on stderr as
 * {@code phase <base> <clients> clients: <from> <to>}, epoch milliseconds). Prints, with their share of the samples:
 * the top methods where the CPU was (leaf frames), the top packages of those leaf frames, and the top frames whose
 * class starts with PREFIX (default {@code dev.vacant.}) anywhere on the stack (inclusive, counted once per sample).
 *
 * Usage: java bench/JfrTop.java RECORDING.jfr [FROM_MILLIS TO_MILLIS] [TOP, 15] [PREFIX, dev.vacant.]
 */
public class JfrTop {

    public static void main(String[] args) throws Exception {
        long from = args.length >= 3 ? Long.parseLong(args[1]) : Long.MIN_VALUE;
        long to = args.length >= 3 ? Long.parseLong(args[2]) : Long.MAX_VALUE;
        int top = args.length == 2 ? Integer.parseInt(args[1]) : args.length >= 4 ? Integer.parseInt(args[3]) : 15;
        String prefix = args.length >= 5 ? args[4] : "dev.vacant.";
        Map<String, Integer> leaves = new HashMap<>();
        Map<String, Integer> packages = new HashMap<>();
        Map<String, Integer> application = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            Instant at = event.getStartTime();
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null
                    || at.toEpochMilli() < from || at.toEpochMilli() > to) {
                continue;
            }
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            samples++;
            leaves.merge(method(frames.get(0)), 1, Integer::sum);
            packages.merge(frames.get(0).getMethod().getType().getName().replaceAll("\\.[^.]*$", ""), 1, Integer::sum);
            frames.stream().map(JfrTop::method).filter(m -> m.startsWith(prefix) && !m.contains("$$Lambda")
                    && !m.contains(".lambda$")).distinct()
                    .forEach(m -> application.merge(m, 1, Integer::sum));
        }
        System.out.printf("%d CPU samples%n", samples);
        print("leaf methods (self)", leaves, samples, top);
        print("leaf packages (self)", packages, samples, top);
        print(prefix + "* frames on the stack (inclusive)", application, samples, top);
    }

    private static String method(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static void print(String title, Map<String, Integer> counts, int samples, int top) {
        System.out.println("-- " + title);
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(e -> System.out.printf("%5.1f %%  %s%n", 100.0 * e.getValue() / Math.max(1, samples), e.getKey()));
    }
}
