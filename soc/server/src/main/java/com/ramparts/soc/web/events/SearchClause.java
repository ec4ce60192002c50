package com.ramparts.soc.web.events;

import com.ramparts.soc.index.EventMapping.MappedType;

/** One term of a parsed search: free text, or a field compared with a value. */
public sealed interface SearchClause {

    boolean negated();

    /** Words or a quoted phrase, looked for in the searchable text fields. */
    record FreeText(String text, boolean phrase, boolean negated) implements SearchClause {
    }

    /**
     * {@code field:value}; {@code prefix} when the value ended with {@code *} (keyword fields only).
     *
     * @param type the field's OpenSearch type, from the index mapping
     */
    record FieldMatch(String field, MappedType type, String value, boolean prefix, boolean negated) implements SearchClause {
    }
}
