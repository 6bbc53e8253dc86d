package dev.vacant.infra.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@link FirewallText} decides exactly as Spring Security's regular expressions do. */
class FirewallTextTest {

    private static final Pattern NAME = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern HEADER_VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    private static void assertSameAsSpringSecurity(String text) {
        assertThat(FirewallText.NAME.test(text)).as("name %s", text.codePoints().boxed().toList())
                .isEqualTo(NAME.matcher(text).matches());
        assertThat(FirewallText.HEADER_VALUE.test(text)).as("value %s", text.codePoints().boxed().toList())
                .isEqualTo(HEADER_VALUE.matcher(text).matches());
    }

    @Test
    void everyCodePointAlone_isJudgedAsTheRegularExpressionsJudgeIt() {
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            assertSameAsSpringSecurity(new String(Character.toChars(codePoint)));
        }
    }

    @Test
    void randomTexts_withTabsControlsUnassignedSupplementaryAndLoneSurrogates_areJudgedAlike() {
        Random random = new Random(18);
        int[] pool = {'a', 'Z', ' ', '\t', '\n', 0, 0x7f, 0x85, 0xe9, 0x378, 0xd800, 0xdc00, 0xfffe, 0x1f600, 0xe0001,
                0x10ffff, 0x2028};
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int j = random.nextInt(6); j >= 0; j--) {
                text.appendCodePoint(random.nextInt(4) == 0 ? random.nextInt(Character.MAX_CODE_POINT + 1)
                        : pool[random.nextInt(pool.length)]);
            }
            assertSameAsSpringSecurity(text.toString());
        }
        assertSameAsSpringSecurity("");
    }
}
