package dev.vacant.kernel.vacant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Payload of REVIEW_RECEIVED: the reviewing vacant, its verdict, an optional integer score and (from revision 2 of
 * {@code vacant.review_received}) an optional short comment. Absent fields are not signed, so a review without a
 * comment has exactly the revision-1 shape.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReviewPayload(String reviewer, String verdict, Integer score, String comment) {

    /** The longest comment a review may carry, in characters. */
    public static final int MAX_COMMENT = 500;
}
