package dev.vacant.infra.web.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.vacant.infra.projection.ProjectionPositions;
import dev.vacant.infra.support.ProjectionsCaughtUp;
import dev.vacant.infra.support.RawHttp;
import dev.vacant.infra.support.VacantFixtures;
import dev.vacant.infra.vacant.VacantApiTestBase;
import dev.vacant.infra.web.error.RequestBodyLimitFilter;
import dev.vacant.kernel.json.Json;
import dev.vacant.query.composite.CompositeProjector;
import dev.vacant.query.lineage.LineageProjector;
import dev.vacant.query.logbook.LogbookProjector;
import dev.vacant.query.registry.RegistryProjector;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Table-driven fuzz of every command endpoint of the REST API. The endpoints are discovered from Spring MVC's request
 * mappings (every non-GET mapping under {@code /api/}), and the fields of each request body from its Java type, so a
 * new endpoint or field is covered without touching this class. Every endpoint gets, over a raw socket on loopback:
 * NUL, a C0 control and lone surrogates in each string field (escaped, and as raw bytes that are not UTF-8); huge, non-finite and fractional numbers in each number
 * field; wrong types; an unknown field; missing, wildcard and foreign content types; an encoded {@code /}, {@code %00},
 * {@code ;} and CR/LF in its path ids; oversized headers; a body over 1 MiB.
 * <p>
 * Asserted for every answer: no status of 500 or above; every error is {@code application/problem+json} with a
 * {@code code}; a rejected request changes no row of any table (event store, projections, tuple tables, custody,
 * timers; only tokens, processor positions and the checkpoint tree, which a background builder extends, are left out); and each category's own status and code.
 */
class CommandEndpointFuzzTest extends VacantApiTestBase {

    /** Tokens, processor positions and what background work derives from the event store (the checkpoint tree). */
    private static final Set<String> UNTRACKED_TABLES = Set.of("api_token", "token_entry", "scheduled_tasks",
            "flyway_schema_history", "merkle_leaf", "merkle_node", "merkle_state", "node_identity", "checkpoint",
            "checkpoint_cosignature");
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}/]+)}");
    private static final String RAW = "FUZZ_RAW_JSON";
    private static final List<String> HOSTILE_TEXTS = List.of("\"nul\\u0000here\"", "\"bell\\u0007here\"",
            "\"lone\\ud800here\"", "\"lone\\udc00\"");
    /** Not UTF-8: a surrogate encoded as if it were a character (CESU-8), and a byte that starts nothing. */
    private static final List<byte[]> HOSTILE_BYTES = List.of(new byte[] {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'},
            new byte[] {'"', 'a', (byte) 0xFF, '"'});
    private static final List<String> HUGE_NUMBERS = List.of("9007199254740993", "1e21", "1e400", "-1e400",
            "18446744073709551616");
    private static final int ANY = 0;
    private static final List<String> PROJECTIONS = List.of(RegistryProjector.NAME, LogbookProjector.NAME,
            LineageProjector.NAME, CompositeProjector.NAME);
    private static final List<String> PATH_ATTACKS = List.of("a%2Fb", "a%00b", "a;b", "a%0D%0Ab", "a%3Bb", "a%5Cb");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;
    @Autowired
    private ObjectMapper mapper;
    @Autowired
    private ProjectionPositions positions;

    private RawHttp raw;
    private String vacant;
    private String rowCountQuery;

    /** One command endpoint: its method, its path pattern and the type of its body (null when it takes none). */
    record Endpoint(String method, String pattern, JavaType body) {
        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    /**
     * A leaf of a sample body: its field path as the API names it, its JSON pointer, whether it is text, and whether
     * its Java type fixes its JSON type (false inside free JSON such as tuple {@code data}).
     */
    record Leaf(String field, String pointer, boolean text, boolean typed) {
    }

    /** A request of a category, and what its answer must be ({@code status} {@link #ANY}: anything below 500). */
    record Probe(String category, String target, Map<String, String> headers, byte[] body, int status, String code,
                 String field) {
    }

    private List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
            for (String pattern : mapping.getKey().getPatternValues()) {
                for (RequestMethod method : mapping.getKey().getMethodsCondition().getMethods()) {
                    if (pattern.startsWith("/api/") && method != RequestMethod.GET && method != RequestMethod.HEAD) {
                        endpoints.add(new Endpoint(method.name(), pattern, bodyType(mapping.getValue())));
                    }
                }
            }
        }
        endpoints.sort(Comparator.comparing(Endpoint::toString));
        return endpoints;
    }

    private JavaType bodyType(HandlerMethod handler) {
        for (MethodParameter parameter : handler.getMethodParameters()) {
            if (parameter.hasParameterAnnotation(RequestBody.class)) {
                Type type = parameter.getGenericParameterType();
                return mapper.constructType(type);
            }
        }
        return null;
    }

    @Test
    void discovery_findsEveryCommandEndpoint_ofEveryController() {
        List<String> found = endpoints().stream().map(Endpoint::toString).toList();

        assertThat(found).contains("POST /api/v1/vacants/genesis", "POST /api/v1/vacants/{id}/spawn",
                "POST /api/v1/vacants/{id}/heartbeats", "POST /api/v1/composites/{parent}/children",
                "POST /api/v1/lanes/{lane}/out", "POST /api/v1/agents/batch-spawn", "POST /api/v1/walls/{wall}/hook");
        assertThat(found).hasSizeGreaterThanOrEqualTo(30);
    }

    @TestFactory
    Stream<DynamicTest> everyCommandEndpoint_answersHostileInputWithACodedClientError_andWritesNothing() {
        raw = new RawHttp(port);
        vacant = api.post("/api/v1/vacants/genesis", operator, VacantFixtures.genesis(alice, null)).text("id");
        ProjectionsCaughtUp.await(positions, PROJECTIONS);
        rowCountQuery = rowCountQuery();
        return endpoints().stream().map(endpoint -> DynamicTest.dynamicTest(endpoint.toString(), () -> fuzz(endpoint)));
    }

    private void fuzz(Endpoint endpoint) {
        List<String> failures = new ArrayList<>();
        Map<String, Long> rows = rowCounts();
        for (Probe probe : probes(endpoint)) {
            RawHttp.Answer answer = raw.exchange(endpoint.method(), probe.target(), probe.headers(), probe.body());
            failures.addAll(check(probe, answer));
            if (answer.status() >= 400) {
                Map<String, Long> after = rowCounts();
                if (!after.equals(rows)) {
                    failures.add("rows written by a rejected request: " + probe.category() + " -> " + answer + " "
                            + difference(rows, after));
                }
                rows = after;
            } else {
                ProjectionsCaughtUp.await(positions, PROJECTIONS);
                rows = rowCounts();
            }
        }
        assertThat(failures).as(endpoint.toString()).isEmpty();
    }

    private List<String> check(Probe probe, RawHttp.Answer answer) {
        List<String> failures = new ArrayList<>();
        String what = probe.category() + " -> " + answer;
        if (answer.status() >= 500) {
            failures.add("server error: " + what);
        }
        if (answer.status() >= 400 && (!answer.contentType().startsWith("application/problem+json")
                || answer.json().path("code").asText().isEmpty())) {
            failures.add("error without a problem code: " + what);
        }
        if (probe.status() != ANY && answer.status() != probe.status()) {
            failures.add("expected " + probe.status() + ": " + what);
        }
        if (probe.code() != null && !probe.code().equals(answer.json().path("code").asText())) {
            failures.add("expected code " + probe.code() + ": " + what);
        }
        if (probe.field() != null && !answer.json().path("errors").findValuesAsText("field").contains(probe.field())) {
            failures.add("expected the field " + probe.field() + " to be named: " + what);
        }
        return failures;
    }

    private List<Probe> probes(Endpoint endpoint) {
        List<Probe> probes = new ArrayList<>();
        String target = target(endpoint.pattern(), null);
        // a plain-text body (a witness's cosignature line) has no JSON shape to break: JSON is refused as such
        boolean plainText = endpoint.body() != null && endpoint.body().getRawClass() == String.class;
        if (plainText) {
            probes.add(json("json for a plain-text body", target, "{}", 415, "UNSUPPORTED_MEDIA_TYPE", null));
        }
        if (endpoint.body() != null && !plainText) {
            List<Leaf> leaves = new ArrayList<>();
            JsonNode sample = sample(endpoint.body(), "", "", leaves, 0);
            for (Leaf leaf : leaves) {
                if (leaf.text()) {
                    for (String text : HOSTILE_TEXTS) {
                        probes.add(json("text " + leaf.field() + "=" + text, target, with(sample, leaf, text), 400,
                                "VALIDATION_FAILED", leaf.field()));
                    }
                    for (byte[] raw : HOSTILE_BYTES) {
                        probes.add(new Probe("raw bytes in " + leaf.field(), target, headers("application/json"),
                                withBytes(sample, leaf, raw), 400, null, null));
                    }
                } else {
                    for (String number : HUGE_NUMBERS) {
                        // free JSON may carry 1e21: a finite double, canonicalized exactly as it is stored
                        int status = leaf.typed() || !number.equals("1e21") ? 400 : ANY;
                        probes.add(json("number " + leaf.field() + "=" + number, target, with(sample, leaf, number),
                                status, null, null));
                    }
                    probes.add(json("fraction " + leaf.field(), target, with(sample, leaf, "1.5"),
                            leaf.typed() ? 400 : ANY, null, null));
                }
                int wrongType = leaf.typed() ? 400 : ANY;
                probes.add(json("wrong type " + leaf.field(), target, with(sample, leaf, leaf.text() ? "[1]" : "\"1\""),
                        wrongType, null, null));
                probes.add(json("object for " + leaf.field(), target, with(sample, leaf, "{\"x\":{}}"), wrongType, null,
                        null));
            }
            ObjectNode unknown = sample.isObject() ? ((ObjectNode) sample).deepCopy() : Json.object();
            unknown.put("fuzz_unknown_field", 1);
            probes.add(json("unknown field", target, Json.write(unknown), 400, "VALIDATION_FAILED", "fuzz_unknown_field"));
            probes.add(json("array body", target, "[]", 400, null, null));
            probes.add(json("number body", target, "42", 400, null, null));
            probes.add(json("not json", target, "{\"a\": ", 400, "MALFORMED_JSON", null));
            String body = Json.write(sample);
            for (String contentType : new String[] {null, "*/*", "application/*", "text/plain", "application/xml"}) {
                probes.add(new Probe("content type " + contentType, target, headers(contentType), bytes(body), 415,
                        "UNSUPPORTED_MEDIA_TYPE", null));
            }
            probes.add(new Probe("content type garbage", target, headers("%%%/;;"), bytes(body), ANY, null, null));
        }
        if (PATH_VARIABLE.matcher(endpoint.pattern()).find()) {
            for (String attack : PATH_ATTACKS) {
                probes.add(new Probe("path id " + attack, target(endpoint.pattern(), attack),
                        headers("application/json"), bytes("{}"), 400, null, null));
            }
        }
        Map<String, String> oversized = headers("application/json");
        oversized.put("X-Fuzz", "h".repeat(64 * 1024));
        probes.add(new Probe("oversized headers", target, oversized, bytes("{}"), 400, null, null));
        probes.add(new Probe("body over 1 MiB", target, headers("application/json"), oversizedBody(), 413,
                "PAYLOAD_TOO_LARGE", null));
        return probes;
    }

    private Probe json(String category, String target, String body, int status, String code, String field) {
        return new Probe(category, target, headers("application/json"), bytes(body), status, code, field);
    }

    private Map<String, String> headers(String contentType) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + operator);
        headers.put("Accept", "application/json");
        headers.put("Content-Type", contentType);
        return headers;
    }

    /** The pattern with its path variables filled in; the first one is {@code attack} when given. */
    private String target(String pattern, String attack) {
        Matcher variable = PATH_VARIABLE.matcher(pattern);
        StringBuilder target = new StringBuilder();
        boolean first = true;
        while (variable.find()) {
            String name = variable.group(1);
            String value = first && attack != null ? attack
                    : name.equals("id") || name.equals("parent") ? vacant
                    : name.equals("delegation") ? UUID.randomUUID().toString() : "fuzz-" + name;
            variable.appendReplacement(target, Matcher.quoteReplacement(value));
            first = false;
        }
        variable.appendTail(target);
        return target.toString();
    }

    /** A plausible body of {@code type}, noting its string and number leaves. */
    private JsonNode sample(JavaType type, String field, String pointer, List<Leaf> leaves, int depth) {
        Class<?> raw = type.getRawClass();
        if (raw == String.class) {
            leaves.add(new Leaf(field, pointer, true, true));
            return TextNode.valueOf("fuzz");
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return BooleanNode.TRUE;
        }
        if (raw.isPrimitive() || Number.class.isAssignableFrom(raw)) {
            leaves.add(new Leaf(field, pointer, false, true));
            return IntNode.valueOf(1);
        }
        if (raw.isEnum()) {
            return mapper.valueToTree(raw.getEnumConstants()[0]);
        }
        if (raw == UUID.class) {
            return TextNode.valueOf(UUID.randomUUID().toString());
        }
        if (JsonNode.class.isAssignableFrom(raw)) {
            leaves.add(new Leaf(child(field, "k"), pointer + "/k", true, false));
            leaves.add(new Leaf(child(field, "n"), pointer + "/n", false, false));
            return Json.object().put("k", "fuzz").put("n", 1);
        }
        if (type.isCollectionLikeType() || type.isArrayType()) {
            ArrayNode array = Json.mapper().createArrayNode();
            return array.add(sample(type.getContentType(), field + "[0]", pointer + "/0", leaves, depth + 1));
        }
        ObjectNode object = Json.object();
        if (type.isMapLikeType() || depth > 4) {
            return object;
        }
        for (BeanPropertyDefinition property : mapper.getDeserializationConfig().introspect(type).findProperties()) {
            if (property.couldDeserialize()) {
                object.set(property.getName(), sample(property.getPrimaryType(), child(field, property.getName()),
                        pointer + "/" + property.getName(), leaves, depth + 1));
            }
        }
        return object;
    }

    private static String child(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** The sample with one leaf replaced by a raw JSON text (so that escapes and number literals go out as written). */
    private static String with(JsonNode sample, Leaf leaf, String rawJson) {
        JsonNode copy = sample.deepCopy();
        int slash = leaf.pointer().lastIndexOf('/');
        ContainerNode<?> parent = (ContainerNode<?>) copy.at(leaf.pointer().substring(0, slash));
        String name = leaf.pointer().substring(slash + 1);
        if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(name), TextNode.valueOf(RAW));
        } else {
            ((ObjectNode) parent).put(name, RAW);
        }
        return Json.write(copy).replace("\"" + RAW + "\"", rawJson);
    }

    /** The sample with one leaf replaced by raw bytes, which no Java string can carry. */
    private static byte[] withBytes(JsonNode sample, Leaf leaf, byte[] raw) {
        String[] around = with(sample, leaf, RAW).split(RAW, 2);
        byte[] before = bytes(around[0]);
        byte[] after = bytes(around[1]);
        byte[] body = Arrays.copyOf(before, before.length + raw.length + after.length);
        System.arraycopy(raw, 0, body, before.length, raw.length);
        System.arraycopy(after, 0, body, before.length + raw.length, after.length);
        return body;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] oversizedBody() {
        String prefix = "{\"text\":\"";
        return bytes(prefix + "a".repeat((int) RequestBodyLimitFilter.MAX_BODY_BYTES) + "\"}");
    }

    private String rowCountQuery() {
        List<String> tables = jdbc.queryForList("select table_name from information_schema.tables "
                + "where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name", String.class);
        return tables.stream().filter(table -> !UNTRACKED_TABLES.contains(table))
                .map(table -> "select '" + table + "' as name, count(*) as n from " + table)
                .collect(Collectors.joining(" union all "));
    }

    private Map<String, Long> rowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query(rowCountQuery, row -> {
            counts.put(row.getString("name"), row.getLong("n"));
        });
        return counts;
    }

    private static String difference(Map<String, Long> before, Map<String, Long> after) {
        return after.entrySet().stream().filter(e -> !e.getValue().equals(before.get(e.getKey())))
                .map(e -> e.getKey() + " " + before.get(e.getKey()) + "->" + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
