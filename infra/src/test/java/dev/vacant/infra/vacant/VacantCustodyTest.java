package dev.vacant.infra.vacant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vacant.infra.support.VacantFixtures;
import dev.vacant.infra.timer.VacantTimerPoller;
import dev.vacant.kernel.crypto.Base64Url;
import dev.vacant.kernel.crypto.Hex;
import dev.vacant.kernel.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Private keys never leave custody: after a realistic history no table cell and no log line holds a private
 * seed (raw, hex or base64), and archiving shreds the key while the history stays verifiable.
 */
@ExtendWith(OutputCaptureExtension.class)
class VacantCustodyTest extends VacantApiTestBase {

    @Autowired
    VacantTimerPoller poller;
    @Value("${vacant.custody.kek}")
    String kek;

    private byte[] decryptSeed(String vacant) throws Exception {
        Map<String, Object> row = jdbc.queryForMap("select nonce, ciphertext from custody_key where vacant_id = ?", vacant);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(kek), "AES"),
                new GCMParameterSpec(128, (byte[]) row.get("nonce")));
        cipher.updateAAD(vacant.getBytes(StandardCharsets.US_ASCII));
        return cipher.doFinal((byte[]) row.get("ciphertext"));
    }

    private List<byte[]> everyCell() {
        List<byte[]> cells = new ArrayList<>();
        for (String table : jdbc.queryForList(
                "select table_name from information_schema.tables where table_schema = 'public'", String.class)) {
            jdbc.query("select * from " + table, rs -> {
                for (int column = 1; column <= rs.getMetaData().getColumnCount(); column++) {
                    Object value = rs.getObject(column);
                    if (value instanceof byte[] bytes) {
                        cells.add(bytes);
                    } else if (value != null) {
                        cells.add(value.toString().getBytes(StandardCharsets.UTF_8));
                    }
                }
            });
        }
        return cells;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void privateKeys_appearInNoTableAndNoLog_andArchiveShredsTheKey(CapturedOutput output) throws Exception {
        String vacant = api.post("/api/v1/vacants/genesis", operator, VacantFixtures.genesis(alice, null, "read")).text("id");
        String child = api.post("/api/v1/vacants/" + vacant + "/spawn", aliceToken,
                Json.object().put("path", "D1").put("policy_mutation", "x")).text("child_id");
        api.post("/api/v1/vacants/" + vacant + "/heartbeats", aliceToken, null);
        List<byte[]> seeds = List.of(decryptSeed(vacant), decryptSeed(child));

        List<byte[]> cells = everyCell();
        for (byte[] seed : seeds) {
            List<byte[]> forms = List.of(seed, Hex.encode(seed).getBytes(StandardCharsets.US_ASCII),
                    Base64Url.encode(seed).getBytes(StandardCharsets.US_ASCII),
                    Base64.getEncoder().encodeToString(seed).getBytes(StandardCharsets.US_ASCII));
            for (byte[] form : forms) {
                assertThat(cells).noneMatch(cell -> contains(cell, form));
                assertThat(output.getAll()).doesNotContain(new String(form, StandardCharsets.ISO_8859_1));
            }
        }

        clock.advance(Duration.ofHours(2));
        poller.fireDue();
        clock.advance(Duration.ofDays(8));
        poller.fireDue();
        clock.advance(Duration.ofDays(31));
        poller.fireDue();
        clock.advance(Duration.ofDays(91));
        var archived = api.post("/api/v1/vacants/" + vacant + "/archive", operator, null);
        assertThat(archived.text("state")).isEqualTo("ARCHIVED");
        assertThat(jdbc.queryForObject("select count(*) from custody_key where vacant_id = ? and ciphertext is null",
                Integer.class, vacant)).isEqualTo(1);
        assertThat(dev.vacant.kernel.logbook.ChainVerifier.verify(vacant, logbook(vacant))).isEmpty();
    }
}
