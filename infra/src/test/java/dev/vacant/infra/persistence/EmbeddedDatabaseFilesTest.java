package dev.vacant.infra.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vacant.infra.EmbeddedApplicationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded database's files are private to the server's user (0600, in a 0700 directory), as the KEK is. */
class EmbeddedDatabaseFilesTest extends EmbeddedApplicationTest {

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void embeddedDatabaseFile_isCreated0600_likeTheKek() throws IOException {
        assertThat(mode(DATA_DIR.resolve("vacant.mv.db"))).isEqualTo("rw-------");
        assertThat(Files.size(DATA_DIR.resolve("vacant.mv.db"))).isPositive();
        assertThat(mode(DATA_DIR)).isEqualTo("rwx------");
        assertThat(mode(DATA_DIR.resolve("custody.kek"))).isEqualTo("rw-------");
    }

    @Test
    void filesOfAnEarlierStart_areNarrowedTo0600(@TempDir Path directory) throws IOException {
        Path old = Files.createFile(directory.resolve("vacant.mv.db"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
        Path trace = Files.createFile(directory.resolve("vacant.trace.db"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-rw-rw-")));

        EmbeddedDatabaseFiles.secure(directory.resolve("vacant"));

        assertThat(mode(old)).isEqualTo("rw-------");
        assertThat(mode(trace)).isEqualTo("rw-------");
        assertThat(mode(directory)).isEqualTo("rwx------");
    }
}
