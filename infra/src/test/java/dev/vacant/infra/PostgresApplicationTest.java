package dev.vacant.infra;

import dev.vacant.kernel.testing.RealPostgres;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Base of the tests of the {@code postgres} profile on a real PostgreSQL (see {@link RealPostgres}).
 * Every subclass shares one application context.
 */
@RealPostgres
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("postgres")
public abstract class PostgresApplicationTest {
}
