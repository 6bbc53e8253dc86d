package dev.vacant.command.vacant;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A granted consent: the purpose, the exact payload signed, the signer and its signature (base64url), and the head. */
public record ConsentResult(String purpose, ObjectNode payload, String signer, String signature,
                            VacantCommandResult head) {
}
