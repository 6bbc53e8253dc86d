package dev.vacant.infra.web.ui;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** When the browser test fails, skips or runs, by {@code VACANT_TEST_REQUIRE_CHROMIUM} and Chromium's presence. */
class ChromiumRequirementTest {

    @Test
    void missingChromium_failsTheBuild_whereItIsRequired() {
        assertThatThrownBy(() -> DashboardBrowserTest.requireChromium("true", false))
                .isInstanceOf(AssertionError.class).hasMessageContaining("apt-get install -y chromium chromium-driver");
    }

    @Test
    void missingChromium_skipsTheBrowserTest_elsewhere() {
        assertThatThrownBy(() -> DashboardBrowserTest.requireChromium(null, false))
                .isInstanceOf(TestAbortedException.class).hasMessageContaining("VACANT_TEST_REQUIRE_CHROMIUM");
    }

    @Test
    void presentChromium_runsTheBrowserTest_requiredOrNot() {
        assertThatCode(() -> DashboardBrowserTest.requireChromium("true", true)).doesNotThrowAnyException();
        assertThatCode(() -> DashboardBrowserTest.requireChromium(null, true)).doesNotThrowAnyException();
    }
}
