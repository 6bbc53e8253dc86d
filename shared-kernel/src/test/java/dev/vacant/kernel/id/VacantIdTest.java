package dev.vacant.kernel.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vacant.kernel.crypto.Ed25519;
import dev.vacant.kernel.crypto.Hex;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VacantIdTest {

    /** RFC 8032 TEST 1 public key and its base32 (RFC 4648, lowercase, no padding). */
    private static final String RFC_PUBLIC_KEY = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    private static final String RFC_ID = "vac_25njqamcweflpvkl73j4szahhihoc4xt3ktcgjnpaingr5yhkena";

    @Test
    void of_encodesPublicKeyAsLowercaseBase32() {
        VacantId id = VacantId.of(Hex.decode(RFC_PUBLIC_KEY));

        assertThat(id.value()).isEqualTo(RFC_ID).hasSize(4 + 52);
        assertThat(Hex.encode(VacantId.parse(RFC_ID).publicKey())).isEqualTo(RFC_PUBLIC_KEY);
    }

    @Test
    void parse_roundTripsFreshKeys() {
        byte[] publicKey = Ed25519.generate(new SecureRandom()).publicKey();

        assertThat(VacantId.parse(VacantId.of(publicKey).value()).publicKey()).isEqualTo(publicKey);
        assertThat(NodeId.of(publicKey).value()).startsWith("node_").hasSize(5 + 52);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "vac_", "25njqamcweflpvkl73j4szahhihoc4xt3ktcgjnpaingr5yhkena",
        "VAC_25njqamcweflpvkl73j4szahhihoc4xt3ktcgjnpaingr5yhkena",
        "vac_25NJTAMCWEFLPVKL73J4SZAHHIHOC4XT3KTCGJNPAINGR5YHKENA",
        "vac_25njqamcweflpvkl73j4szahhihoc4xt3ktcgjnpaingr5yhken",
        "vac_25njqamcweflpvkl73j4szahhihoc4xt3ktcgjnpaingr5yhkenaa",
        "vac_25njqamcweflpvkl73j4szahhihoc4xt3ktcgjnpaingr5yhkenb",
        "vac_25njqamcweflpvkl73j4szahhihoc4xt3ktcgjnpaingr5yhke1a",
        "vac_25njqamcweflpvkl73j4szahhihoc4xt3ktcgjnpaingr5yhke==",
        "node_25njqamcweflpvkl73j4szahhihoc4xt3ktcgjnpaingr5yhkena"
    })
    void parse_rejectsAnyOtherForm(String text) {
        assertThatThrownBy(() -> VacantId.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("vac_");
        assertThat(VacantId.isValid(text)).isFalse();
    }

    @Test
    void signerIds_resolveVacantAndNodeKeys_andNothingElse() {
        assertThat(SignerIds.publicKeyOf(RFC_ID)).hasValueSatisfying(k -> assertThat(Hex.encode(k)).isEqualTo(RFC_PUBLIC_KEY));
        assertThat(SignerIds.publicKeyOf("node_" + RFC_ID.substring(4))).isPresent();
        assertThat(SignerIds.publicKeyOf("someone")).isEmpty();
        assertThat(SignerIds.publicKeyOf(null)).isEmpty();
    }
}
