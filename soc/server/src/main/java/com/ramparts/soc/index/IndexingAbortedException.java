package com.ramparts.soc.index;

/** Indexing stopped before every document had a final answer; nothing of the batch may be committed. */
public final class IndexingAbortedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public IndexingAbortedException(int unanswered) {
        super(unanswered + " documents or dead letters were still unacknowledged when indexing was stopped");
    }
}
