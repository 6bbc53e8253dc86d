package dev.vacant.kernel.drift;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** Anchors from samples, and test corpora under {@code src/test/resources/drift/} (samples separated by blank lines). */
public final class DriftFixtures {

    /** 26 plain English prose paragraphs by one writer. */
    public static final List<String> PROSE = load("prose.txt");
    /** 6 terse chat messages: shouting, lists, code, numbers. */
    public static final List<String> TERSE = load("terse.txt");

    private DriftFixtures() {
    }

    static Anchor anchorOf(List<long[]> samples) {
        Anchor anchor = Anchor.empty();
        for (long[] sample : samples) {
            anchor = anchor.plus(sample);
        }
        return anchor;
    }

    static Anchor anchorOfTexts(List<String> texts) {
        return anchorOf(texts.stream().map(text -> BehaviorSample.of(text).featuresMillionths()).toList());
    }

    private static List<String> load(String name) {
        try (InputStream in = DriftFixtures.class.getResourceAsStream("/drift/" + name)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Arrays.stream(text.split("\n\n")).map(String::strip).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
