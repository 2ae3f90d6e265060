package org.unionplatform.benefits.program;

/**
 * Told when a program can give more than before: it opened, or its stock grew. The welcome feature implements it
 * (welcome packs serve the members waiting for that program), so programs need not know who waits.
 */
public interface SupplyListener {

    /** Called after the change is stored, in the request that made it. */
    void supplyGrew(String programId);
}
