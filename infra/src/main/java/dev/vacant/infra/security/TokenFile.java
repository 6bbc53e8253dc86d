package dev.vacant.infra.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Supplier;

/**
 * A file holding one token, readable by its owner only (0600), and never overwritten: the file is created first,
 * atomically, and the token is issued only once it exists, so an existing file means nothing is issued.
 */
public final class TokenFile {

    private TokenFile() {
    }

    /**
     * Creates {@code file}, issues a token with {@code issue} and writes it there.
     *
     * @throws FileAlreadyExistsException when {@code file} exists (then nothing is issued)
     */
    public static IssuedToken write(Path file, Supplier<IssuedToken> issue) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            IssuedToken issued = issue.get();
            Files.writeString(file, issued.token() + "\n", StandardCharsets.US_ASCII, StandardOpenOption.WRITE);
            return issued;
        } catch (RuntimeException | IOException e) {
            Files.deleteIfExists(file); // an empty file would refuse the next attempt
            throw e;
        }
    }
}
