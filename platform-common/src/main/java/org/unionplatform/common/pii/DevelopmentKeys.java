package org.unionplatform.common.pii;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;

/**
 * Random keys for local runs and tests, generated instead of a constant so that no key shipped in the code can
 * ever protect real data. With a key file they survive restarts (the local launcher's data outlives a process).
 */
final class DevelopmentKeys {

	static final String KEY_ID = "dev-1";

	private static final String DATA_KEY = "data-key." + KEY_ID;

	private static final String LOOKUP_KEY = "lookup-key";

	private DevelopmentKeys() {
	}

	static PiiKeys generate() {
		return PiiKeys.fromBase64(Map.of(KEY_ID, randomKey()), KEY_ID, randomKey());
	}

	/** Loads the keys from {@code file}, creating it (owner-only, where the file system allows) on first use. */
	static PiiKeys loadOrCreate(Path file) {
		try {
			if (Files.notExists(file)) {
				create(file);
			}
			Properties stored = new Properties();
			try (Reader reader = Files.newBufferedReader(file)) {
				stored.load(reader);
			}
			return PiiKeys.fromBase64(Map.of(KEY_ID, stored.getProperty(DATA_KEY, "")), KEY_ID,
					stored.getProperty(LOOKUP_KEY, ""));
		}
		catch (IOException ex) {
			throw new PiiKeyConfigurationException("Cannot read or create the development key file " + file, ex);
		}
	}

	private static void create(Path file) throws IOException {
		Path parent = file.toAbsolutePath().getParent();
		if (parent != null) {
			Files.createDirectories(parent);
		}
		Files.createFile(file);
		if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		Properties generated = new Properties();
		generated.setProperty(DATA_KEY, randomKey());
		generated.setProperty(LOOKUP_KEY, randomKey());
		try (Writer writer = Files.newBufferedWriter(file)) {
			generated.store(writer, "Generated development PII keys: never use for real data");
		}
	}

	private static String randomKey() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

}
