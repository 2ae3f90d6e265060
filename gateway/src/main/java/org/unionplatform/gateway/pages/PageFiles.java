package org.unionplatform.gateway.pages;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.MediaType;

/**
 * Every file under {@code classpath:/pages/}, read once at start-up (a few hundred kilobytes). Files under
 * {@code assets/} are served under {@code /assets/<version>/...}, where the version is a hash of all assets, so a
 * changed asset gets a new address and browsers (WeChat's included) may cache them for a year. In the other
 * text files (pages, their service workers and manifests) every {@code /assets/} is rewritten to the versioned
 * address, so the pages are written with plain paths and always name the assets they were shipped with.
 * Libraries from WebJars join the assets under {@code assets/vendor/} ({@link #VENDORED}): same origin (the pages'
 * policy allows no other host), versioned and cached like the page's own files, their version kept in the pom only.
 */
final class PageFiles {

    static final String ROOT = "pages/";
    static final String ASSETS = "assets/";
    private static final Map<String, MediaType> TYPES = Map.of(
            "html", MediaType.parseMediaType("text/html;charset=UTF-8"),
            "js", MediaType.parseMediaType("text/javascript;charset=UTF-8"),
            "css", MediaType.parseMediaType("text/css;charset=UTF-8"),
            "json", MediaType.APPLICATION_JSON,
            "webmanifest", MediaType.parseMediaType("application/manifest+json"),
            "png", MediaType.IMAGE_PNG,
            "svg", MediaType.parseMediaType("image/svg+xml"),
            "txt", MediaType.parseMediaType("text/plain;charset=UTF-8"));
    private static final java.util.Set<String> REWRITTEN = java.util.Set.of("html", "js", "webmanifest");
    /** Asset path -> the file in a WebJar on the classpath (any version: the pom picks it). */
    private static final Map<String, String> VENDORED = Map.of(
            "assets/vendor/echarts.esm.min.js", "META-INF/resources/webjars/echarts/*/dist/echarts.esm.min.js");

    /** One file: its bytes as served and their type. */
    record File(byte[] content, MediaType type) {
    }

    private final String version;
    private final Map<String, File> files;

    private PageFiles(String version, Map<String, File> files) {
        this.version = version;
        this.files = files;
    }

    static PageFiles load() {
        Map<String, byte[]> raw = read();
        String version = version(raw);
        Map<String, File> files = new TreeMap<>();
        raw.forEach((path, bytes) -> {
            String extension = extension(path);
            MediaType type = TYPES.get(extension);
            if (type == null) {
                return;
            }
            byte[] served = bytes;
            if (!path.startsWith(ASSETS) && REWRITTEN.contains(extension)) {
                served = new String(bytes, StandardCharsets.UTF_8).replace("/" + ASSETS, "/" + ASSETS + version + "/")
                        .getBytes(StandardCharsets.UTF_8);
            }
            files.put(path, new File(served, type));
        });
        return new PageFiles(version, Map.copyOf(files));
    }

    String version() {
        return version;
    }

    /** A file by its path under {@code pages/}, e.g. {@code station/index.html} or {@code assets/app.css}. */
    Optional<File> find(String path) {
        if (path.contains("..") || path.contains("//")) {
            return Optional.empty();
        }
        return Optional.ofNullable(files.get(path));
    }

    private static Map<String, byte[]> read() {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        Map<String, byte[]> raw = new TreeMap<>();
        try {
            Resource root = resolver.getResource("classpath:/" + ROOT);
            if (!root.exists()) {
                return raw;
            }
            for (Map.Entry<String, String> vendored : VENDORED.entrySet()) {
                Resource[] found = resolver.getResources("classpath*:/" + vendored.getValue());
                if (found.length != 1) {
                    throw new IllegalStateException("Expected one " + vendored.getValue() + " on the classpath, found "
                            + found.length);
                }
                try (InputStream in = found[0].getInputStream()) {
                    raw.put(vendored.getKey(), in.readAllBytes());
                }
            }
            String rootUrl = root.getURL().toString();
            for (Resource resource : resolver.getResources("classpath:/" + ROOT + "**/*.*")) {
                String url = resource.getURL().toString();
                if (!resource.isReadable() || !url.startsWith(rootUrl)) {
                    continue;
                }
                try (InputStream in = resource.getInputStream()) {
                    raw.put(url.substring(rootUrl.length()), in.readAllBytes());
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read the pages from the classpath", e);
        }
        return raw;
    }

    private static String version(Map<String, byte[]> raw) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            raw.forEach((path, bytes) -> {
                if (path.startsWith(ASSETS)) {
                    digest.update(path.getBytes(StandardCharsets.UTF_8));
                    digest.update(bytes);
                }
            });
            return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String extension(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(dot + 1);
    }
}
