package org.unionplatform.deployment;

import java.util.regex.Pattern;

/** Image references: pinned means a digest, or a tag naming an exact version (never latest). */
final class Images {

    // A tag that starts with a version of at least two numeric parts: 8.0.17, 21.0.8_9-jre-noble, 3.9.11-...
    private static final Pattern EXACT_TAG = Pattern.compile("\\d+\\.\\d+([._-].*)?");

    private Images() {
    }

    static boolean isPinned(String reference) {
        if (reference.contains("@sha256:")) {
            return true;
        }
        String tag = tag(reference);
        return tag != null && !tag.equalsIgnoreCase("latest") && !tag.contains("latest")
                && EXACT_TAG.matcher(tag).matches();
    }

    /** The tag, or null when there is none (a ':' after the last '/' belongs to the tag, not a registry port). */
    static String tag(String reference) {
        String lastSegment = reference.substring(reference.lastIndexOf('/') + 1);
        int colon = lastSegment.indexOf(':');
        return colon < 0 ? null : lastSegment.substring(colon + 1);
    }
}
