package org.unionplatform.benefits.program;

/**
 * Told when a program can give more than before (it opened, or its stock grew) or closes. The welcome feature
 * implements it (welcome packs serve the members waiting for that program, and move those waiting on a closed one
 * to the next open program), so programs need not know who waits.
 */
public interface ProgramListener {

    /** Called after the change is stored, in the request that made it. */
    void supplyGrew(String programId);

    /** Called after the program is stored as CLOSED, in the request that closed it. */
    void closed(String programId);
}
