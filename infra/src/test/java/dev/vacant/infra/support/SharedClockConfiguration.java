package dev.vacant.infra.support;

import dev.vacant.kernel.time.MutableClock;
import java.time.Clock;
import java.time.Instant;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * One clock moved by hand for every application a test starts itself (a restart, several instances), as one real
 * clock would be shared by them. Tests only ever move it forward. A test configuration, so that component scanning
 * never adds it to other tests' applications.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SharedClockConfiguration {

    /** The clock of every application started with this configuration. */
    public static final MutableClock CLOCK = new MutableClock(Instant.now());

    @Bean
    @Primary
    Clock sharedTestClock() {
        return CLOCK;
    }
}
