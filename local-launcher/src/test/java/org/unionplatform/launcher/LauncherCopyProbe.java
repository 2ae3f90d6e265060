package org.unionplatform.launcher;

import java.io.BufferedReader;
import java.io.InputStreamReader;

/**
 * Stands in for the launcher in {@link LauncherCopyTest}: says which jar it runs from, waits for a line on its input,
 * then loads a class it has not loaded yet from that jar (as the real launcher's threads do long after the start).
 */
public final class LauncherCopyProbe {

    private LauncherCopyProbe() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("running from " + LauncherCopyProbe.class.getProtectionDomain().getCodeSource().getLocation());
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in)).readLine();
        Class<?> later = Class.forName("org.unionplatform.launcher.LauncherCopyProbeLater");
        System.out.println("still running: " + later.getMethod("answer").invoke(null));
        System.out.flush();
    }
}
