package dev.vacant.kernel.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import dev.vacant.kernel.json.Json;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The data of a compressed agent in cold storage: DEFLATE bytes of its JSON plus the BLAKE2b digest the
 * compress token keeps ({@link TupleData#digest}). {@link #restore()} is lossless and digest-checked.
 */
public record ColdData(String digest, byte[] bytes) {

    /** Compresses {@code data}. */
    public static ColdData of(ObjectNode data) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        deflater.setInput(Json.write(data).getBytes(StandardCharsets.UTF_8));
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return new ColdData(TupleData.digest(data), out.toByteArray());
    }

    /** The original data; {@code INTERNAL} when the bytes do not inflate to data with the kept digest. */
    public ObjectNode restore() {
        Inflater inflater = new Inflater();
        inflater.setInput(bytes);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && inflater.needsInput()) {
                    throw new DataFormatException("truncated");
                }
                out.write(buffer, 0, n);
            }
        } catch (DataFormatException e) {
            throw corrupted();
        } finally {
            inflater.end();
        }
        JsonNode data = Json.parse(out.toString(StandardCharsets.UTF_8));
        if (!data.isObject() || !TupleData.digest(data).equals(digest)) {
            throw corrupted();
        }
        return (ObjectNode) data;
    }

    private static VacantException corrupted() {
        return new VacantException(ErrorCode.INTERNAL, "cold data does not match its digest");
    }
}
