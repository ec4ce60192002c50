package com.ramparts.soc.index;

import java.util.List;

/**
 * What OpenSearch made of a set of documents, once every one of them has a final answer.
 *
 * @param created    newly indexed
 * @param duplicates already there with the same {@code _id} (a redelivery): as good as created
 * @param refused    refused for good, e.g. a value that does not fit the mapping
 */
public record BulkOutcome(int created, int duplicates, List<Refusal> refused) {

    public BulkOutcome {
        refused = List.copyOf(refused);
    }

    /**
     * @param ref    the document's {@link BulkDocument#ref()}
     * @param status the HTTP status of its item
     * @param reason OpenSearch's error type and reason, one line
     */
    public record Refusal(int ref, int status, String reason) {
    }
}
