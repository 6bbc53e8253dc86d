package dev.vacant.command.tuple.lane;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vacant.kernel.json.Json;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** A provider that fails on command: each call takes the next scripted outcome, then answers {@code ok}. */
public final class ScriptedProvider implements ProviderPort {

    public static final JsonNode OK = Json.object().put("ok", true);

    private final String name;
    private final Deque<Supplier<JsonNode>> script = new ArrayDeque<>();
    private final AtomicInteger calls = new AtomicInteger();
    private volatile JsonNode lastData;

    public ScriptedProvider(String name) {
        this.name = name;
    }

    /** The next {@code times} calls throw {@code failure}. */
    public ScriptedProvider failing(int times, Supplier<ProviderException> failure) {
        for (int i = 0; i < times; i++) {
            script.add(() -> {
                throw failure.get();
            });
        }
        return this;
    }

    /** The next call runs {@code outcome}. */
    public ScriptedProvider then(Supplier<JsonNode> outcome) {
        script.add(outcome);
        return this;
    }

    public JsonNode lastData() {
        return lastData;
    }

    public int calls() {
        return calls.get();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized JsonNode call(String yool, JsonNode data) {
        calls.incrementAndGet();
        lastData = data;
        Supplier<JsonNode> next = script.poll();
        return next == null ? OK : next.get();
    }
}
