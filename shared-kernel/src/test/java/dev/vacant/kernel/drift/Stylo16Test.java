package dev.vacant.kernel.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each STYLO-16 feature on small hand-computed texts, plus the limits and a pinned golden vector. */
class Stylo16Test {

    private static final double TOLERANCE = 1e-9;

    private static final int MEAN_WORD_LENGTH = 0;
    private static final int TYPE_TOKEN_RATIO = 1;
    private static final int MEAN_SENTENCE_LENGTH = 2;
    private static final int SENTENCE_LENGTH_STD = 3;
    private static final int PUNCTUATION = 4;
    private static final int DIGITS = 5;
    private static final int UPPERCASE = 6;
    private static final int WHITESPACE = 7;
    private static final int NEWLINES = 8;
    private static final int LIST_ITEMS = 9;
    private static final int FENCED_CODE = 10;
    private static final int QUESTION_MARKS = 11;
    private static final int EXCLAMATION_MARKS = 12;
    private static final int STOP_WORDS = 13;
    private static final int NON_ASCII = 14;
    private static final int LOG_LENGTH = 15;

    private static double feature(String text, int index) {
        return Stylo16.features(text)[index];
    }

    @Test
    void features_isMeanWordLengthOverTen_inCodePoints() {
        assertThat(feature("Hi there.", MEAN_WORD_LENGTH)).isCloseTo(0.35, within(TOLERANCE));
    }

    @Test
    void features_keepsApostrophesInWords_whenStraightOrTypographic() {
        // Don’t(5) stop(4) it's(4) fine(4): 17 / 4 words; punctuation ’ , ' of 21 characters.
        double[] features = Stylo16.features("Don’t stop, it's fine");

        assertThat(features[MEAN_WORD_LENGTH]).isCloseTo(0.425, within(TOLERANCE));
        assertThat(features[PUNCTUATION]).isCloseTo(3.0 / 21, within(TOLERANCE));
    }

    @Test
    void features_isDistinctLowerCasedWordsOverWords_forTypeTokenRatio() {
        assertThat(feature("The cat saw the cat.", TYPE_TOKEN_RATIO)).isCloseTo(0.6, within(TOLERANCE));
    }

    @Test
    void features_isMeanAndPopulationStdOfSentenceLengthOverFifty_whenSentencesDiffer() {
        double[] features = Stylo16.features("One two. Three four five six!");

        assertThat(features[MEAN_SENTENCE_LENGTH]).isCloseTo(3.0 / 50, within(TOLERANCE));
        assertThat(features[SENTENCE_LENGTH_STD]).isCloseTo(1.0 / 50, within(TOLERANCE));
    }

    @Test
    void features_countsOneSentence_whenWordsHaveNoTerminator() {
        double[] features = Stylo16.features("no terminator here");

        assertThat(features[MEAN_SENTENCE_LENGTH]).isCloseTo(3.0 / 50, within(TOLERANCE));
        assertThat(features[SENTENCE_LENGTH_STD]).isZero();
    }

    @Test
    void features_doesNotEndSentence_whenPeriodIsFollowedByDigit() {
        // Pi is 3 14 today: one sentence of five words; 3 digits of 17 characters.
        double[] features = Stylo16.features("Pi is 3.14 today.");

        assertThat(features[MEAN_SENTENCE_LENGTH]).isCloseTo(5.0 / 50, within(TOLERANCE));
        assertThat(features[DIGITS]).isCloseTo(3.0 / 17, within(TOLERANCE));
    }

    @Test
    void features_ignoresSegmentsWithoutWords_whenCountingSentences() {
        // "Hi?" and "Yo?" are sentences, the " ..." between them is not.
        double[] features = Stylo16.features("Hi? ... Yo?");

        assertThat(features[MEAN_SENTENCE_LENGTH]).isCloseTo(1.0 / 50, within(TOLERANCE));
        assertThat(features[QUESTION_MARKS]).isCloseTo(1.0, within(TOLERANCE));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "a, b; c!|0.375",
        "«a» $1|0.5",
        "x = y + 1|0.2222222222222222",
        "plain words|0"
    })
    void features_countsUnicodeAndAsciiPunctuation_overCharacters(String text, double expected) {
        assertThat(feature(text, PUNCTUATION)).isCloseTo(expected, within(TOLERANCE));
    }

    @Test
    void features_countsDigits_whenTextHasNumbers() {
        assertThat(feature("Call 911 now", DIGITS)).isCloseTo(0.25, within(TOLERANCE));
    }

    @Test
    void features_isUppercaseOverLetters_andZeroWithoutLetters() {
        assertThat(feature("ABc de", UPPERCASE)).isCloseTo(0.4, within(TOLERANCE));
        assertThat(feature("123 456", UPPERCASE)).isZero();
    }

    @Test
    void features_countsSpacesTabsAndNewlines_asWhitespace() {
        assertThat(feature("a b\tc\n", WHITESPACE)).isCloseTo(0.5, within(TOLERANCE));
    }

    @Test
    void features_isNewlinesOverCharactersTimesTen() {
        assertThat(feature("abcdefghijklmnopqrs\n", NEWLINES)).isCloseTo(0.5, within(TOLERANCE));
    }

    @Test
    void features_countsListMarkers_overNonEmptyLines() {
        // Lists: "- one", "  * two", "3) four", "12. five". Not lists: "Intro", "+three", "-". Blank: "".
        String text = "Intro\n- one\n  * two\n+three\n3) four\n12. five\n\n-";

        assertThat(feature(text, LIST_ITEMS)).isCloseTo(4.0 / 7, within(TOLERANCE));
    }

    @Test
    void features_countsContentBetweenFences_excludingFenceLines() {
        // "ab\ncd\n" is inside; 26 characters in all.
        String text = "Text\n```java\nab\ncd\n```\nEnd";

        assertThat(feature(text, FENCED_CODE)).isCloseTo(6.0 / 26, within(TOLERANCE));
    }

    @Test
    void features_runsUnclosedFenceToEndOfText() {
        assertThat(feature("```\nab", FENCED_CODE)).isCloseTo(2.0 / 6, within(TOLERANCE));
    }

    @Test
    void features_isQuestionMarksOverSentences() {
        assertThat(feature("Why? Why not? Fine.", QUESTION_MARKS)).isCloseTo(2.0 / 3, within(TOLERANCE));
    }

    @Test
    void features_isExclamationMarksOverSentences() {
        assertThat(feature("Wow! Great. Fine.", EXCLAMATION_MARKS)).isCloseTo(1.0 / 3, within(TOLERANCE));
    }

    @Test
    void features_isStopWordsOverWords_caseInsensitively() {
        assertThat(feature("The cat and the dog ran", STOP_WORDS)).isCloseTo(0.5, within(TOLERANCE));
    }

    @Test
    void features_countsCodePoints_asCharacters() {
        // é and ñ are non-ASCII; an emoji is one character, not two UTF-16 units.
        assertThat(feature("café ñ", NON_ASCII)).isCloseTo(2.0 / 6, within(TOLERANCE));
        assertThat(feature("a\uD83D\uDE00", NON_ASCII)).isCloseTo(0.5, within(TOLERANCE));
        assertThat(feature("a\uD83D\uDE00", LOG_LENGTH)).isCloseTo(Math.log10(3) / 5, within(TOLERANCE));
    }

    @Test
    void features_isLog10OfCharactersPlusOneOverFive() {
        assertThat(feature("123456789", LOG_LENGTH)).isCloseTo(0.2, within(TOLERANCE));
    }

    @Test
    void features_areAllZero_whenTextIsEmpty() {
        assertThat(Stylo16.features("")).hasSize(Stylo16.DIMENSIONS).containsOnly(0.0);
    }

    @Test
    void features_clipsToOne_whenRatioExceedsOne() {
        assertThat(feature("a\n\n", NEWLINES)).isEqualTo(1.0);
        assertThat(feature("word ".repeat(60), MEAN_SENTENCE_LENGTH)).isEqualTo(1.0);
        assertThat(feature("Really??? Yes.", QUESTION_MARKS)).isEqualTo(1.0);
    }

    @Test
    void features_acceptsExactly64KiBOfUtf8_andRejectsOneByteMore() {
        assertThat(Stylo16.features("a".repeat(65_536))).hasSize(Stylo16.DIMENSIONS);
        assertThat(Stylo16.features("é".repeat(32_768))).hasSize(Stylo16.DIMENSIONS);
        assertThatThrownBy(() -> Stylo16.features("a".repeat(65_537)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("65537 UTF-8 bytes");
        assertThatThrownBy(() -> Stylo16.features("é".repeat(32_769)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void features_matchPinnedVector_forVersionOne() {
        // Cross-checked against an independent implementation; a change here is a new VERSION.
        String text = "# Notes\n\nThe plan is simple: ship v2 today! Is it done?\n- fix the 3 bugs\n"
                + "- write “docs”\n\n```\nx = 1\n```\nDone.";

        assertThat(Stylo16.VERSION).isEqualTo("stylo16/1");
        assertThat(Stylo16.toMillionths(Stylo16.features(text))).containsExactly(
                325000, 850000, 133333, 52493, 148148, 27778, 64516, 250000,
                833333, 250000, 55556, 333333, 333333, 250000, 18519, 407485);
    }

    @Test
    void features_areDeterministic_forTheSameText() {
        String text = "Same text, same fingerprint. Every time!";

        assertThat(Stylo16.features(text)).containsExactly(Stylo16.features(text));
    }

    @Test
    void stopWords_areFiftyDistinctLowerCaseWords() {
        assertThat(Stylo16.STOP_WORDS).hasSize(50)
                .allSatisfy(word -> assertThat(word).isEqualTo(word.toLowerCase(Locale.ROOT)).matches("[a-z]+"));
    }

    @Test
    void millionths_roundTripWithinHalfAMillionth() {
        double[] features = Stylo16.features("A short, plain sentence.");

        long[] millionths = Stylo16.toMillionths(features);

        assertThat(Stylo16.fromMillionths(millionths)).containsExactly(features, within(0.5e-6));
        assertThat(Stylo16.toMillionths(Stylo16.fromMillionths(millionths))).containsExactly(millionths);
    }

    @Test
    void fromMillionths_rejectsWrongLengthOrOutOfRangeValues() {
        long[] tooHigh = new long[Stylo16.DIMENSIONS];
        tooHigh[3] = 1_000_001;

        assertThatThrownBy(() -> Stylo16.fromMillionths(new long[15])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Stylo16.fromMillionths(tooHigh)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Stylo16.toMillionths(new double[17])).isInstanceOf(IllegalArgumentException.class);
    }
}
