package dev.vacant.infra.tuple.transport;

import dev.vacant.command.tuple.space.EncodedReply;
import dev.vacant.command.tuple.space.ReplySink;
import org.springframework.kafka.core.KafkaTemplate;

/** Publishes a lane worker's replies to the replies topic, keyed by {@code op_id}. */
public final class KafkaReplyPublisher implements ReplySink {

    private final KafkaTemplate<String, String> kafka;
    private final String repliesTopic;

    public KafkaReplyPublisher(KafkaTemplate<String, String> kafka, String repliesTopic) {
        this.kafka = kafka;
        this.repliesTopic = repliesTopic;
    }

    @Override
    public void deliver(EncodedReply reply) {
        kafka.send(repliesTopic, reply.opId(), reply.json());
    }
}
