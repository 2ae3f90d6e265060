package org.unionplatform.membership.help;

/**
 * The worker asking, as proven: a signed-in member ({@code memberId}, their phone's hash) or a phone-verified worker
 * with a help session ({@code memberId} null). A case is theirs when it names the member, or, for a session, the
 * verified phone.
 */
record Seeker(String memberId, String phoneHash, String actor) {

    boolean owns(HelpCase helpCase) {
        return memberId != null ? memberId.equals(helpCase.memberId())
                : phoneHash != null && phoneHash.equals(helpCase.seekerPhoneHash());
    }
}
