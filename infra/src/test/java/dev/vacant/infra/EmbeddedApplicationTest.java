package dev.vacant.infra;

import dev.vacant.infra.support.OperatorMockMvc;
import dev.vacant.infra.web.error.ProblemProbeController;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests of the embedded default (no profile: H2 file database). Every subclass shares
 * one application context, on a real port, whose H2 files live in a fresh directory under
 * {@code target/h2-test}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import({ProblemProbeController.class, OperatorMockMvc.class})
public abstract class EmbeddedApplicationTest {

    /** The {@code vacant.data-dir} of the shared context. */
    protected static final Path DATA_DIR = freshDataDir();

    @DynamicPropertySource
    static void embeddedDatabase(DynamicPropertyRegistry registry) {
        registry.add("vacant.data-dir", DATA_DIR::toString);
    }

    private static Path freshDataDir() {
        try {
            Path parent = Files.createDirectories(Path.of("target", "h2-test").toAbsolutePath());
            return Files.createTempDirectory(parent, "data-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
