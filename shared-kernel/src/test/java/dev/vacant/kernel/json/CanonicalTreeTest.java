package dev.vacant.kernel.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;
import org.erdtman.jcs.JsonCanonicalizer;
import org.junit.jupiter.api.Test;

/**
 * A JSON tree written in canonical form directly gives exactly the bytes of the reference implementation run over
 * the tree's printed text, for random trees of every node kind, key order, escape and number form.
 */
class CanonicalTreeTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String ALPHABET = "aAzZ09 _-\"\\/\n\r\t\b\f\u0000\u0001\u001f\u007f\u00e9\u20ac\u2028\ud83d\ude00"
            + "\ufb01\u00df";

    @Test
    void canonicalize_ofATree_equalsTheReferenceCanonicalizationOfItsText() throws Exception {
        Random random = new Random(8785);
        for (int i = 0; i < 5_000; i++) {
            JsonNode tree = i % 2 == 0 ? NODES.arrayNode().add(node(random, 0)) : NODES.objectNode().set("v", node(random, 0));
            byte[] reference = new JsonCanonicalizer(Json.write(tree)).getEncodedUTF8();

            assertThat(CanonicalJson.canonicalize(tree)).as("tree %s", tree).isEqualTo(reference);
        }
    }

    @Test
    void canonicalize_sortsMembersByUtf16CodeUnits_notByCodePoints() {
        ObjectNode object = NODES.objectNode();
        object.put("\ud83d\ude00", 1); // a surrogate pair sorts by its high surrogate, 0xd83d
        object.put("\ufb01", 2);
        object.put("\u00e9", 3);

        assertThat(CanonicalJson.canonicalText(object)).isEqualTo("{\"\u00e9\":3,\"\ud83d\ude00\":1,\"\ufb01\":2}");
    }

    private static JsonNode node(Random random, int depth) {
        int kind = random.nextInt(depth > 3 ? 5 : 7);
        return switch (kind) {
            case 0 -> NODES.textNode(text(random));
            case 1 -> number(random);
            case 2 -> NODES.booleanNode(random.nextBoolean());
            case 3 -> NODES.nullNode();
            case 4 -> NODES.numberNode(random.nextInt());
            case 5 -> {
                ObjectNode object = NODES.objectNode();
                for (int i = random.nextInt(6); i > 0; i--) {
                    object.set(text(random), node(random, depth + 1));
                }
                yield object;
            }
            default -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = random.nextInt(5); i > 0; i--) {
                    array.add(node(random, depth + 1));
                }
                yield array;
            }
        };
    }

    private static JsonNode number(Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> NODES.numberNode(random.nextLong());
            case 1 -> NODES.numberNode((1L << 53) - random.nextInt(3));
            case 2 -> NODES.numberNode(-((1L << 53) + random.nextInt(3)));
            case 3 -> NODES.numberNode(random.nextDouble() * Math.pow(10, random.nextInt(40) - 20));
            case 4 -> NODES.numberNode(new BigInteger(90, random));
            case 5 -> NODES.numberNode(new BigDecimal(random.nextInt(100_000)).movePointLeft(random.nextInt(6)));
            case 6 -> NODES.numberNode(random.nextFloat());
            default -> NODES.numberNode((short) random.nextInt());
        };
    }

    private static String text(Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(8); i > 0; i--) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }
}
