package org.clinigate.eval.suite;

/** A suite record's field is missing or invalid; the loader adds the line number. Names fields, never values. */
final class FieldException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    FieldException(String field, String problem) {
        super("field '" + field + "' " + problem);
    }
}
