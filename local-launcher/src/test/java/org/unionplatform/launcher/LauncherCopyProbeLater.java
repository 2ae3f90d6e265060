package org.unionplatform.launcher;

/** A class {@link LauncherCopyProbe} loads only after its jar was rebuilt under it. */
public final class LauncherCopyProbeLater {

    private LauncherCopyProbeLater() {
    }

    public static String answer() {
        return "loaded after the rebuild";
    }
}
