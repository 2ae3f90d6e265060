package org.unionplatform.benefits.program;

/** DRAFT (being prepared, nothing issued) -> OPEN (issuing) -> CLOSED (final). */
public enum ProgramStatus {
    DRAFT, OPEN, CLOSED
}
