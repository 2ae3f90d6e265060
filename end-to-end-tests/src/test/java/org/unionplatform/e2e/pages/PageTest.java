package org.unionplatform.e2e.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.ServiceWorkerPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.unionplatform.e2e.PlatformUnderTest;

/**
 * Base of the browser tests of the pages ({@code *PageIT}): the real platform (its gateway serves the pages),
 * the machine's Chromium driven by Playwright, headless. Without a Chromium the tests are skipped with one line
 * (a JUnit assumption); Playwright never downloads a browser. See docs/pages.md.
 */
public abstract class PageTest {

    /** Where Chromium is looked for: PAGES_CHROMIUM, else Debian's. */
    static final List<String> CHROMIUM = List.of(
            Optional.ofNullable(System.getenv("PAGES_CHROMIUM")).orElse("/usr/bin/chromium"),
            "/usr/bin/chromium-browser");
    /** A common phone (iPhone X class), CSS pixels. */
    public static final int PHONE_WIDTH = 375;
    public static final int PHONE_HEIGHT = 812;

    private static Playwright playwright;
    private static Browser browser;
    private static String axeSource;

    protected static PlatformUnderTest platform;
    private final List<BrowserContext> contexts = new CopyOnWriteArrayList<>();
    /** What the checks found; asserted after each test, so one run reports every page's findings. */
    private final List<String> findings = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startBrowserAndPlatform() {
        Optional<Path> chromium = chromium();
        assumeTrue(chromium.isPresent(), "Page tests skipped: no Chromium at " + CHROMIUM
                + " (install Debian's chromium and fonts-noto-cjk; .ci/run does)");
        launch(chromium.get());
        // Six JVMs and a browser share two cores during the build: generous waits, not timing checks.
        PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
        platform = PlatformUnderTest.get();
    }

    private static synchronized void launch(Path chromium) {
        if (browser != null) {
            return;
        }
        Map<String, String> env = Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(env));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(chromium)
                .setHeadless(true)
                // Containers and CI runners: no user namespaces for the sandbox, a small /dev/shm.
                .setArgs(List.of("--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu")));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            browser.close();
            playwright.close();
        }, "page-tests-browser-stop"));
    }

    static Optional<Path> chromium() {
        return CHROMIUM.stream().map(Path::of).filter(Files::isExecutable).findFirst();
    }

    /** A phone-sized context (375x812, touch, zh-CN, Beijing time) on the gateway, service workers allowed. */
    protected BrowserContext phone() {
        return phone(ServiceWorkerPolicy.ALLOW);
    }

    /** {@link ServiceWorkerPolicy#BLOCK} behaves like iOS WeChat, which has no service worker. */
    protected BrowserContext phone(ServiceWorkerPolicy serviceWorkers) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL(platform.gateway().toString())
                .setViewportSize(PHONE_WIDTH, PHONE_HEIGHT)
                .setDeviceScaleFactor(1)
                .setIsMobile(true)
                .setHasTouch(true)
                .setLocale("zh-CN")
                .setTimezoneId("Asia/Shanghai")
                .setServiceWorkers(serviceWorkers));
        // Injected through the debugging protocol, so the pages' strict policy does not block it.
        context.setDefaultTimeout(60_000);
        context.addInitScript(axe());
        context.onPage(this::watch);
        contexts.add(context);
        return context;
    }

    /** A desktop or tablet browser window (mouse, zh-CN, Beijing time) on the gateway, for the staff pages. */
    protected BrowserContext desktop(int width, int height) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL(platform.gateway().toString())
                .setViewportSize(width, height)
                .setDeviceScaleFactor(1)
                .setLocale("zh-CN")
                .setTimezoneId("Asia/Shanghai"));
        context.setDefaultTimeout(60_000);
        context.addInitScript(axe());
        context.onPage(this::watch);
        contexts.add(context);
        return context;
    }

    private void watch(Page page) {
        page.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy") || message.text().contains("Content-Security-Policy")) {
                findings.add("policy violation on " + page.url() + ": " + message.text());
            }
        });
        page.onPageError(error -> findings.add("uncaught error on " + page.url() + ": " + error));
    }

    /** A failed test leaves a screenshot and the text of every page still open, to see what the user saw. */
    @RegisterExtension
    final AfterTestExecutionCallback onFailure = context -> {
        if (context.getExecutionException().isEmpty()) {
            return;
        }
        int n = 0;
        for (BrowserContext browserContext : contexts) {
            for (Page page : browserContext.pages()) {
                String name = context.getRequiredTestClass().getSimpleName() + "-failed-" + (++n);
                try {
                    screenshot(page, name);
                    System.out.printf("[pages] failed at %s: %s%n", page.url(), page.innerText("body"));
                } catch (RuntimeException e) {
                    System.out.printf("[pages] no screenshot of %s: %s%n", page.url(), e.getMessage());
                }
            }
        }
    };

    @AfterEach
    void closeContextsAndCheckThePolicy() {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
        assertThat(findings).as("policy violations, uncaught errors, sideways scrolling, accessibility violations")
                .isEmpty();
    }

    /** Saves a full-page screenshot as end-to-end-tests/target/screenshots/{name}.png. */
    protected static Path screenshot(Page page, String name) {
        Path file = screenshots().resolve(name + ".png");
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // From the top, as the page opens (a sticky header would otherwise show where the test scrolled to).
        page.evaluate("() => window.scrollTo(0, 0)");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    static Path screenshots() {
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.isRegularFile(root.resolve("mvnw"))) {
            root = root.getParent();
        }
        return (root == null ? Path.of("") : root).resolve("end-to-end-tests").resolve("target").resolve("screenshots");
    }

    /** Nothing wider than the phone: the page never scrolls sideways. */
    protected void assertNoHorizontalScroll(Page page) {
        Object widths = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth, "
                + "document.body.scrollWidth]");
        List<?> values = (List<?>) widths;
        int scroll = Math.max(((Number) values.get(0)).intValue(), ((Number) values.get(2)).intValue());
        int viewport = ((Number) values.get(1)).intValue();
        if (scroll > viewport) {
            findings.add("sideways scrolling on " + page.url() + ": " + scroll + " px wide on a " + viewport
                    + " px screen");
        }
    }

    /** axe-core finds no serious or critical accessibility violation on the page as it is now. */
    protected void assertAccessible(Page page) {
        Object found = page.evaluate("async () => {"
                + "  const result = await axe.run(document, { resultTypes: ['violations'] });"
                + "  return result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + "    .map(v => v.impact + ' ' + v.id + ': ' + v.help + ' at ' + v.nodes.map(n => n.target.join(' '))"
                + "      .slice(0, 5).join(', '));"
                + "}");
        ((List<?>) found).forEach(violation -> findings.add("accessibility on " + page.url() + ": " + violation));
    }

    /**
     * The three checks every page gets: a screenshot, no sideways scrolling, no serious accessibility issue. The
     * last two are reported when the test ends (it fails then), so the steps after them still run.
     */
    protected void check(Page page, String screenshotName) {
        screenshot(page, screenshotName);
        assertNoHorizontalScroll(page);
        assertAccessible(page);
    }

    private static synchronized String axe() {
        if (axeSource == null) {
            String resource = "META-INF/resources/webjars/axe-core/" + axeVersion() + "/axe.min.js";
            try (InputStream in = PageTest.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("axe-core not on the test classpath: " + resource);
                }
                axeSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return axeSource;
    }

    private static String axeVersion() {
        try (InputStream in = PageTest.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars.npm/axe-core/pom.properties")) {
            java.util.Properties properties = new java.util.Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("Cannot find axe-core's version on the test classpath", e);
        }
    }
}
