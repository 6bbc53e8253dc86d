package dev.vacant.kernel.drift;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * STYLO-16 ({@code stylo16/1}, {@code docs/drift.md}): the 16-feature behavioural fingerprint of one
 * output window, each feature clipped to [0, 1]. Pure and deterministic; changing any definition
 * below is a new {@link #VERSION}.
 *
 * <p>Interpretation choices of version 1:
 * <ul>
 *   <li><b>Limit</b>: at most {@value #MAX_UTF8_BYTES} bytes once encoded as UTF-8 (64 KiB, the
 *       bytes the sample digest is taken over); longer text is an {@link IllegalArgumentException}.
 *   <li><b>Characters</b> are Unicode code points (a surrogate pair is one character).
 *   <li><b>Words</b> are maximal runs of code points that are {@link Character#isLetterOrDigit(int)}
 *       or an apostrophe ({@code '} U+0027 or {@code ’} U+2019). Word length is in code points;
 *       words are lower-cased with {@link Locale#ROOT} for the type-token ratio and stop words.
 *   <li><b>Sentences</b> are the segments ended by {@code .}, {@code !} or {@code ?} when followed by
 *       whitespace or the end of text, plus the trailing unterminated segment. Only segments
 *       containing at least one word count, so text with words but no terminator is one sentence
 *       and a stray {@code "..."} is none. The spread of sentence lengths (feature 3) is the
 *       population standard deviation.
 *   <li><b>Punctuation</b> is a code point of a Unicode punctuation category (P*) or one of the
 *       ASCII {@code [:punct:]} characters (so {@code $ + < = > ^ ` | ~} count too); apostrophes
 *       inside words are punctuation as well.
 *   <li><b>Digits</b>: {@link Character#isDigit(int)}; <b>letters</b>: {@link Character#isLetter(int)};
 *       <b>uppercase</b>: a letter that is {@link Character#isUpperCase(int)};
 *       <b>whitespace</b>: {@link Character#isWhitespace(int)} (no-break spaces are not);
 *       <b>non-ASCII</b>: a code point above U+007F.
 *   <li><b>Lines</b> are the text split at {@code \n} (a {@code \r} before it is trailing whitespace);
 *       <b>newlines</b> count {@code \n}; a line is <b>non-empty</b> when it holds a non-whitespace
 *       character.
 *   <li><b>List items</b>: after optional leading whitespace, {@code -}, {@code *}, {@code +}, or
 *       ASCII digits followed by {@code .} or {@code )}, then a space (U+0020). Lines inside code
 *       fences are checked too.
 *   <li><b>Fenced code</b>: a fence is a line starting with {@code ```} after optional leading
 *       whitespace (an info string may follow). The characters inside a block are those strictly
 *       after the opening fence line's {@code \n} and before the closing fence line, i.e. the
 *       content lines with their newlines; fence lines are excluded and an unclosed fence runs to
 *       the end of text.
 *   <li><b>{@code ?} and {@code !}</b> count every such code point (ASCII only), divided by the
 *       number of sentences; with no sentence a ratio is 0, as is every ratio with a 0 denominator.
 *   <li><b>Stop words</b>: {@link #STOP_WORDS}.
 * </ul>
 */
public final class Stylo16 {

    public static final String VERSION = "stylo16/1";
    public static final int DIMENSIONS = 16;
    public static final int MAX_UTF8_BYTES = 64 * 1024;

    /**
     * The 50 most frequent words of the Brown corpus (Kučera and Francis, 1967), all English
     * function words, lower-case. Part of {@code stylo16/1}: never edit in place.
     */
    public static final Set<String> STOP_WORDS = Set.of(
            "the", "of", "and", "to", "a", "in", "that", "is", "was", "he",
            "for", "it", "with", "as", "his", "on", "be", "at", "by", "i",
            "this", "had", "not", "are", "but", "from", "or", "have", "an", "they",
            "which", "one", "you", "were", "her", "all", "she", "there", "would", "their",
            "we", "him", "been", "has", "when", "who", "will", "more", "no", "if");

    private static final long MILLIONTHS = 1_000_000L;
    private static final String FENCE = "```";
    private static final Pattern LIST_MARKER = Pattern.compile("(?:[-*+]|[0-9]+[.)]) ");
    private static final String ASCII_PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    private Stylo16() {
    }

    /** The 16 features of {@code text}, in the order of the spec table; all zeros for empty text. */
    public static double[] features(String text) {
        requireWithinLimit(text);
        if (text.isEmpty()) {
            return new double[DIMENSIONS];
        }
        int[] chars = text.codePoints().toArray();
        List<String> words = words(chars, 0, chars.length);
        List<String> lowerCased = words.stream().map(word -> word.toLowerCase(Locale.ROOT)).toList();
        int[] sentenceLengths = sentenceLengths(chars);
        List<String> lines = List.of(text.split("\n", -1));
        int sentences = sentenceLengths.length;
        double[] features = {
            ratio(totalLength(words), words.size()) / 10,
            ratio(lowerCased.stream().distinct().count(), words.size()),
            mean(sentenceLengths) / 50,
            populationStd(sentenceLengths) / 50,
            ratio(count(chars, Stylo16::isPunctuation), chars.length),
            ratio(count(chars, Character::isDigit), chars.length),
            ratio(count(chars, Stylo16::isUpperCaseLetter), count(chars, Character::isLetter)),
            ratio(count(chars, Character::isWhitespace), chars.length),
            ratio(count(chars, cp -> cp == '\n'), chars.length) * 10,
            ratio(count(lines, Stylo16::isListItem), count(lines, Stylo16::isNonEmpty)),
            ratio(fencedCodeCharacters(lines), chars.length),
            ratio(count(chars, cp -> cp == '?'), sentences),
            ratio(count(chars, cp -> cp == '!'), sentences),
            ratio(count(lowerCased, STOP_WORDS::contains), words.size()),
            ratio(count(chars, cp -> cp > 0x7F), chars.length),
            Math.log10(chars.length + 1) / 5
        };
        for (int i = 0; i < DIMENSIONS; i++) {
            features[i] = Math.min(1, Math.max(0, features[i]));
        }
        return features;
    }

    /** Each feature as an integer in millionths ({@code Math.round(x * 1_000_000)}), for signed payloads. */
    public static long[] toMillionths(double[] features) {
        requireDimensions(features.length);
        long[] millionths = new long[DIMENSIONS];
        for (int i = 0; i < DIMENSIONS; i++) {
            millionths[i] = Math.round(features[i] * MILLIONTHS);
        }
        return millionths;
    }

    /** The features back from millionths; each must lie in [0, 1_000_000]. */
    public static double[] fromMillionths(long[] millionths) {
        requireDimensions(millionths.length);
        double[] features = new double[DIMENSIONS];
        for (int i = 0; i < DIMENSIONS; i++) {
            if (millionths[i] < 0 || millionths[i] > MILLIONTHS) {
                throw new IllegalArgumentException("feature " + i + " out of [0, 1000000]: " + millionths[i]);
            }
            features[i] = millionths[i] / (double) MILLIONTHS;
        }
        return features;
    }

    private static void requireWithinLimit(String text) {
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_UTF8_BYTES) {
            throw new IllegalArgumentException(
                    "text is " + bytes + " UTF-8 bytes; " + VERSION + " accepts at most " + MAX_UTF8_BYTES);
        }
    }

    private static void requireDimensions(int length) {
        if (length != DIMENSIONS) {
            throw new IllegalArgumentException(VERSION + " has " + DIMENSIONS + " features, got " + length);
        }
    }

    private static List<String> words(int[] chars, int from, int to) {
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = from; i <= to; i++) {
            boolean inWord = i < to && isWordCharacter(chars[i]);
            if (inWord && start < 0) {
                start = i;
            } else if (!inWord && start >= 0) {
                words.add(new String(chars, start, i - start));
                start = -1;
            }
        }
        return words;
    }

    private static int[] sentenceLengths(int[] chars) {
        List<Integer> lengths = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= chars.length; i++) {
            if (i == chars.length || endsSentence(chars, i)) {
                int end = Math.min(i + 1, chars.length);
                int length = words(chars, start, end).size();
                if (length > 0) {
                    lengths.add(length);
                }
                start = end;
            }
        }
        return lengths.stream().mapToInt(Integer::intValue).toArray();
    }

    private static boolean endsSentence(int[] chars, int i) {
        boolean terminator = chars[i] == '.' || chars[i] == '!' || chars[i] == '?';
        return terminator && (i + 1 == chars.length || Character.isWhitespace(chars[i + 1]));
    }

    private static long fencedCodeCharacters(List<String> lines) {
        long inside = 0;
        boolean inFence = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (isFence(line)) {
                inFence = !inFence;
            } else if (inFence) {
                boolean endsWithNewline = i < lines.size() - 1;
                inside += line.codePointCount(0, line.length()) + (endsWithNewline ? 1 : 0);
            }
        }
        return inside;
    }

    private static boolean isFence(String line) {
        return line.startsWith(FENCE, leadingWhitespace(line));
    }

    private static boolean isListItem(String line) {
        return LIST_MARKER.matcher(line).region(leadingWhitespace(line), line.length()).lookingAt();
    }

    private static int leadingWhitespace(String line) {
        int i = 0;
        while (i < line.length() && Character.isWhitespace(line.codePointAt(i))) {
            i += Character.charCount(line.codePointAt(i));
        }
        return i;
    }

    private static boolean isNonEmpty(String line) {
        return leadingWhitespace(line) < line.length();
    }

    private static boolean isWordCharacter(int cp) {
        return Character.isLetterOrDigit(cp) || cp == '\'' || cp == '\u2019';
    }

    private static boolean isUpperCaseLetter(int cp) {
        return Character.isLetter(cp) && Character.isUpperCase(cp);
    }

    private static boolean isPunctuation(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION, Character.OTHER_PUNCTUATION -> true;
            default -> cp < 0x80 && ASCII_PUNCTUATION.indexOf(cp) >= 0;
        };
    }

    private static long totalLength(List<String> words) {
        return words.stream().mapToLong(word -> word.codePointCount(0, word.length())).sum();
    }

    private static long count(int[] chars, IntPredicate predicate) {
        return Arrays.stream(chars).filter(predicate).count();
    }

    private static long count(List<String> items, Predicate<String> predicate) {
        return items.stream().filter(predicate).count();
    }

    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? 0 : (double) numerator / denominator;
    }

    private static double mean(int[] values) {
        return values.length == 0 ? 0 : (double) Arrays.stream(values).sum() / values.length;
    }

    private static double populationStd(int[] values) {
        if (values.length == 0) {
            return 0;
        }
        double mean = mean(values);
        return Math.sqrt(Arrays.stream(values).mapToDouble(v -> (v - mean) * (v - mean)).sum() / values.length);
    }
}
