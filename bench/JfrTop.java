import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
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
 * <p>
 * With {@code tree ROOT}, prints instead the call tree below the outermost frame whose method starts with ROOT
 * (e.g. {@code org.apache.coyote.http11.Http11Processor.service}): each callee's inclusive share of all the window's
 * samples, DEPTH levels deep, callees under MIN percent left out, chains of a single callee folded into their end.
 *
 * Usage: java bench/JfrTop.java RECORDING.jfr [FROM_MILLIS TO_MILLIS] [TOP, 15] [PREFIX, dev.vacant.]
 *        java bench/JfrTop.java RECORDING.jfr FROM_MILLIS TO_MILLIS tree ROOT [DEPTH, 8] [MIN, 1.0]
 */
public class JfrTop {

    /** A node of the call tree: its samples and its callees. */
    private static final class Node {
        private int samples;
        private final Map<String, Node> callees = new HashMap<>();
    }

    public static void main(String[] args) throws Exception {
        long from = args.length >= 3 ? Long.parseLong(args[1]) : Long.MIN_VALUE;
        long to = args.length >= 3 ? Long.parseLong(args[2]) : Long.MAX_VALUE;
        List<List<RecordedFrame>> stacks = stacks(Path.of(args[0]), from, to);
        if (args.length >= 5 && args[3].equals("tree")) {
            tree(stacks, args[4], args.length >= 6 ? Integer.parseInt(args[5]) : 8,
                    args.length >= 7 ? Double.parseDouble(args[6]) : 1.0);
            return;
        }
        int top = args.length == 2 ? Integer.parseInt(args[1]) : args.length >= 4 ? Integer.parseInt(args[3]) : 15;
        String prefix = args.length >= 5 ? args[4] : "dev.vacant.";
        Map<String, Integer> leaves = new HashMap<>();
        Map<String, Integer> packages = new HashMap<>();
        Map<String, Integer> application = new HashMap<>();
        for (List<RecordedFrame> frames : stacks) {
            leaves.merge(method(frames.get(0)), 1, Integer::sum);
            packages.merge(frames.get(0).getMethod().getType().getName().replaceAll("\\.[^.]*$", ""), 1, Integer::sum);
            frames.stream().map(JfrTop::method).filter(m -> m.startsWith(prefix) && !m.contains("$$Lambda")
                    && !m.contains(".lambda$")).distinct()
                    .forEach(m -> application.merge(m, 1, Integer::sum));
        }
        System.out.printf("%d CPU samples%n", stacks.size());
        print("leaf methods (self)", leaves, stacks.size(), top);
        print("leaf packages (self)", packages, stacks.size(), top);
        print(prefix + "* frames on the stack (inclusive)", application, stacks.size(), top);
    }

    /** The stacks (innermost frame first) of the CPU samples taken between {@code from} and {@code to}. */
    private static List<List<RecordedFrame>> stacks(Path recording, long from, long to) throws Exception {
        List<List<RecordedFrame>> stacks = new ArrayList<>();
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            Instant at = event.getStartTime();
            if (event.getEventType().getName().equals("jdk.ExecutionSample") && event.getStackTrace() != null
                    && at.toEpochMilli() >= from && at.toEpochMilli() <= to
                    && !event.getStackTrace().getFrames().isEmpty()) {
                stacks.add(event.getStackTrace().getFrames());
            }
        }
        return stacks;
    }

    private static void tree(List<List<RecordedFrame>> stacks, String root, int depth, double min) {
        Node top = new Node();
        for (List<RecordedFrame> frames : stacks) {
            int outer = frames.size() - 1;
            while (outer >= 0 && !method(frames.get(outer)).startsWith(root)) {
                outer--;
            }
            Node node = top;
            for (int i = outer; i >= 0; i--) {
                node.samples++;
                node = node.callees.computeIfAbsent(method(frames.get(i)), name -> new Node());
            }
            node.samples += outer >= 0 ? 1 : 0;
        }
        System.out.printf("%d CPU samples, %.1f %% under %s%n", stacks.size(),
                100.0 * top.samples / Math.max(1, stacks.size()), root);
        printTree(top, stacks.size(), depth, min, "");
    }

    private static void printTree(Node node, int samples, int depth, double min, String indent) {
        if (depth == 0) {
            return;
        }
        node.callees.entrySet().stream().sorted((a, b) -> b.getValue().samples - a.getValue().samples)
                .filter(e -> 100.0 * e.getValue().samples / samples >= min).forEach(e -> {
                    String name = e.getKey();
                    Node callee = e.getValue();
                    while (callee.callees.size() == 1 && callee.callees.values().iterator().next().samples == callee.samples) {
                        var only = callee.callees.entrySet().iterator().next();
                        name = only.getKey();
                        callee = only.getValue();
                    }
                    System.out.printf("%s%5.1f %%  %s%n", indent, 100.0 * callee.samples / samples, name);
                    printTree(callee, samples, depth - 1, min, indent + "  ");
                });
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
