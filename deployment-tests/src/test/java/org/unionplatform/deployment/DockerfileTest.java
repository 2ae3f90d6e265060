package org.unionplatform.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class DockerfileTest {

    static final List<Application> APPS = Application.ALL;

    private static final Pattern FROM = Pattern.compile("(?im)^FROM\\s+(?:--platform=\\S+\\s+)?(\\S+)");

    static String dockerfile(Application app) {
        return Repository.read(app.name() + "/Dockerfile");
    }

    /** Dockerfile instructions with line continuations joined. */
    static List<String> instructions(Application app) {
        return dockerfile(app).replaceAll("\\\\\\r?\\n", " ").lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
    }

    static String lastStage(Application app) {
        List<String> lines = instructions(app);
        int lastFrom = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).toUpperCase().startsWith("FROM ")) {
                lastFrom = i;
            }
        }
        return String.join("\n", lines.subList(lastFrom, lines.size()));
    }

    @ParameterizedTest
    @FieldSource("APPS")
    void everyBaseImageIsPinnedToAnExactVersion(Application app) {
        Matcher from = FROM.matcher(dockerfile(app));
        int images = 0;
        while (from.find()) {
            images++;
            assertThat(Images.isPinned(from.group(1))).as("%s: FROM %s", app, from.group(1)).isTrue();
        }
        assertThat(images).as("%s is multi-stage", app).isGreaterThanOrEqualTo(2);
    }

    @ParameterizedTest
    @FieldSource("APPS")
    void buildsOnlyItsModuleAndWhatItNeedsFromTheReactor(Application app) {
        assertThat(instructions(app)).anySatisfy(line -> assertThat(line)
                .startsWith("RUN")
                .contains("mvn", "-pl " + app.name(), "-am", "-DskipTests", "package"));
        assertThat(dockerfile(app)).contains("FROM maven:").contains("eclipse-temurin-21");
    }

    @ParameterizedTest
    @FieldSource("APPS")
    void runsOnAJreAsANumericNonRootUser(Application app) {
        String runtime = lastStage(app);
        assertThat(runtime).containsPattern("(?m)^FROM eclipse-temurin:21[^\\s]*-jre");
        Matcher user = Pattern.compile("(?m)^USER\\s+(\\d+)(?::(\\d+))?\\s*$").matcher(runtime);
        assertThat(user.find()).as("%s: USER <uid>[:<gid>] in the runtime stage", app).isTrue();
        assertThat(Integer.parseInt(user.group(1))).as("%s uid", app).isPositive();
    }

    @ParameterizedTest
    @FieldSource("APPS")
    void exposesAndDefaultsToTheApplicationsPort(Application app) {
        String runtime = lastStage(app);
        assertThat(runtime).containsPattern("(?m)^EXPOSE\\s+" + app.port() + "\\s*$");
        assertThat(runtime).containsPattern("(?m)^ENV\\s.*\\bSERVER_PORT=" + app.port() + "\\b");
    }

    @ParameterizedTest
    @FieldSource("APPS")
    void jvmIsSizedForTheContainerAndRunsOnChinaStandardTime(Application app) {
        Matcher options = Pattern.compile("JAVA_TOOL_OPTIONS=\"([^\"]*)\"").matcher(lastStage(app));
        assertThat(options.find()).as("%s sets JAVA_TOOL_OPTIONS", app).isTrue();
        assertThat(options.group(1))
                .contains("-XX:MaxRAMPercentage=", "-Duser.timezone=Asia/Shanghai")
                .doesNotContain("-Xmx");
    }

    @ParameterizedTest
    @FieldSource("APPS")
    void healthcheckUsesAToolTheImageHasOnAPathTheApplicationServes(Application app) {
        String healthcheck = lastStage(app).lines()
                .filter(line -> line.startsWith("HEALTHCHECK")).findFirst().orElse("");
        // The eclipse-temurin Ubuntu images ship curl; the JRE has no way to run a source file.
        assertThat(healthcheck).as("%s HEALTHCHECK", app).contains("CMD curl -fsS");
        assertThat(healthcheck).contains("127.0.0.1:${SERVER_PORT}/actuator/health/readiness");
        SpringConfig config = app.config();
        if (config.present()) {
            assertThat(config.actuatorPaths()).contains("/actuator/health/readiness");
            assertThat(config.managementPort()).isEqualTo(app.port());
        }
    }

    @Test
    void buildContextLeavesOutBuildOutputLocalDataAndSecrets() {
        List<String> ignored = Repository.read(".dockerignore").lines().map(String::strip).toList();
        assertThat(ignored).contains(".git", "**/target/", "data/", ".env");
    }
}
