package dev.vacant.infra.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Keeps the embedded H2 database private to the server's user, like the operator token and the development KEK:
 * before its data source is initialised, the database's directory is made 0700 and its file is created 0600 (H2
 * then writes into that file, keeping its mode), and the files an earlier start left are narrowed to 0600. Does
 * nothing for any other database.
 */
@Component
public final class EmbeddedDatabaseFiles implements BeanPostProcessor {

    private static final String H2_FILE_URL = "jdbc:h2:file:";
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private final String url;

    public EmbeddedDatabaseFiles(Environment environment) {
        this.url = environment.getProperty("spring.datasource.url", "");
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource && url.startsWith(H2_FILE_URL)) {
            secure(Path.of(url.substring(H2_FILE_URL.length()).split(";", 2)[0]).toAbsolutePath());
        }
        return bean;
    }

    /** Secures the files of the H2 database whose path (without {@code .mv.db}) is {@code database}. */
    static void secure(Path database) {
        Path directory = database.getParent();
        String name = database.getFileName().toString();
        try {
            Files.createDirectories(directory);
            Files.setPosixFilePermissions(directory, OWNER_DIRECTORY);
            Path file = directory.resolve(name + ".mv.db");
            if (Files.notExists(file)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_FILE));
            }
            try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, name + ".*")) {
                for (Path existing : files) {
                    Files.setPosixFilePermissions(existing, OWNER_FILE);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot secure the embedded database files in " + directory, e);
        }
    }
}
