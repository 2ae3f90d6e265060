package org.unionplatform.launcher;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The secrets of the local platform, made up on the first run and kept in {@code data/local-secrets.properties}
 * (readable by the owner only), so that data written in one run can be read in the next: personal-data keys,
 * the key that seals the token-signing keys, the administrator's and the demo accounts' password, and each
 * service's client secret. Production takes all of these from Secrets instead (k8s/, .env).
 */
record LocalSecrets(Map<String, String> values) {

    static final String FILE_NAME = "local-secrets.properties";
    private static final SecureRandom RANDOM = new SecureRandom();

    static LocalSecrets loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        Properties properties = new Properties();
        try {
            if (Files.isRegularFile(file)) {
                try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    properties.load(reader);
                }
            }
            boolean added = false;
            for (Map.Entry<String, String> wanted : fresh().entrySet()) {
                if (!properties.containsKey(wanted.getKey())) {
                    properties.setProperty(wanted.getKey(), wanted.getValue());
                    added = true;
                }
            }
            if (added) {
                Files.createDirectories(dataDir);
                try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    properties.store(writer, "Secrets of the local platform (./run.sh); made up on the first run");
                }
                restrictToOwner(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write " + file, e);
        }
        Map<String, String> values = new LinkedHashMap<>();
        properties.stringPropertyNames().stream().sorted().forEach(name -> values.put(name, properties.getProperty(name)));
        return new LocalSecrets(Map.copyOf(values));
    }

    String adminPassword() {
        return values.get("admin.password");
    }

    String demoPassword() {
        return values.get("demo.password");
    }

    /** What every application is told; each takes what it needs. */
    Map<String, String> environment(Application application) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PLATFORM_PII_KEYS_LOCAL", values.get("pii.key"));
        env.put("PLATFORM_PII_ACTIVE_KEY_ID", "local");
        env.put("PLATFORM_PII_LOOKUP_KEY", values.get("pii.lookup-key"));
        env.put("PLATFORM_AUTH_KEY_ENCRYPTION_KEY", values.get("auth.key-encryption-key"));
        env.put("PLATFORM_AUTH_BOOTSTRAP_ADMIN_USERNAME", "admin");
        env.put("PLATFORM_AUTH_BOOTSTRAP_ADMIN_PASSWORD", adminPassword());
        env.put("PLATFORM_DEMO_DATA_ENABLED", "true");
        env.put("PLATFORM_DEMO_DATA_PASSWORD", demoPassword());
        env.put("PLATFORM_DEMO_DATA_BACKGROUND", "true");
        for (Application service : Application.SERVICES) {
            env.put("PLATFORM_AUTH_SERVICE_CLIENTS_" + service.variablePrefix(), clientSecret(service));
        }
        if (!application.isGateway()) {
            env.put("PLATFORM_SECURITY_CLIENT_SECRET", clientSecret(application));
        }
        return env;
    }

    private String clientSecret(Application service) {
        return values.get("client-secret." + service.module());
    }

    private static Map<String, String> fresh() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("pii.key", randomKey());
        values.put("pii.lookup-key", randomKey());
        values.put("auth.key-encryption-key", randomKey());
        values.put("admin.password", readablePassword());
        values.put("demo.password", readablePassword());
        for (Application service : Application.SERVICES) {
            values.put("client-secret." + service.module(), randomKey());
        }
        return values;
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** Easy to type from the console: no look-alike characters. */
    private static String readablePassword() {
        String alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 14; i++) {
            if (i > 0 && i % 5 == 4) {
                password.append('-');
            } else {
                password.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
            }
        }
        return password.toString();
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (Windows): the folder's own permissions apply
        }
    }
}
