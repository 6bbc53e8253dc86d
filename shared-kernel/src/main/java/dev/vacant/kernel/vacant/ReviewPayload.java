package dev.vacant.kernel.vacant;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Payload of REVIEW_RECEIVED: the reviewing vacant, its verdict and an optional integer score. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReviewPayload(String reviewer, String verdict, Integer score) {
}
