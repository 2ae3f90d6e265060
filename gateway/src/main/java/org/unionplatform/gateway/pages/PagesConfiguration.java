package org.unionplatform.gateway.pages;

import java.net.URI;
import java.time.Duration;

import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ResponseStatusException;

/**
 * The page addresses. {@code /station/}, {@code /m/} and the benefit officer's {@code /desk/} are folders of pages ({@code /m/index.html} and the
 * others beside it); {@code /check-in/{stationId}} answers the same page for every station id (the page reads the
 * id from its address). Assets: {@code /assets/<version>/...} cached for a year, the unversioned address for
 * whoever needs a stable one (never cached). Pages themselves are never cached by the browser (the security
 * headers filter writes no-store); the attendant's service worker keeps its own copy for offline use.
 */
@Configuration(proxyBeanMethods = false)
class PagesConfiguration {

    private static final CacheControl FOREVER = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    @Bean
    PageFiles pageFiles() {
        return PageFiles.load();
    }

    @Bean
    RouterFunction<ServerResponse> pageRoutes(PageFiles files) {
        return RouterFunctions.route()
                .GET("/station", request -> redirect("/station/"))
                .GET("/m", request -> redirect("/m/"))
                .GET("/desk", request -> redirect("/desk/"))
                .GET("/console", request -> redirect("/console/"))
                .GET("/station/", request -> page(files, "station/index.html"))
                .GET("/m/", request -> page(files, "m/index.html"))
                .GET("/desk/", request -> page(files, "desk/index.html"))
                .GET("/console/", request -> page(files, "console/index.html"))
                .GET("/station/{file}", request -> page(files, "station/" + request.pathVariable("file")))
                .GET("/m/{file}", request -> page(files, "m/" + request.pathVariable("file")))
                .GET("/desk/{file}", request -> page(files, "desk/" + request.pathVariable("file")))
                .GET("/console/{file}", request -> page(files, "console/" + request.pathVariable("file")))
                .GET("/check-in/{stationId}", request -> page(files, "check-in/index.html"))
                .GET("/assets/**", request -> asset(files, request))
                .build();
    }

    private static Mono<ServerResponse> page(PageFiles files, String path) {
        return files.find(path)
                .map(file -> ServerResponse.ok().contentType(file.type()).bodyValue(file.content()))
                .orElseGet(() -> Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND)));
    }

    private static Mono<ServerResponse> asset(PageFiles files, ServerRequest request) {
        String rest = request.path().substring("/assets/".length());
        String versionPrefix = files.version() + "/";
        boolean versioned = rest.startsWith(versionPrefix);
        // An older version's address gets today's file, uncached, so a page cached before a release still works.
        int slash = rest.indexOf('/');
        String path = versioned ? rest.substring(versionPrefix.length())
                : looksVersioned(rest, slash) ? rest.substring(slash + 1) : rest;
        return files.find(PageFiles.ASSETS + path)
                .map(file -> ServerResponse.ok().contentType(file.type())
                        .cacheControl(versioned ? FOREVER : CacheControl.noStore())
                        .bodyValue(file.content()))
                .orElseGet(() -> Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND)));
    }

    private static boolean looksVersioned(String rest, int slash) {
        return slash == 12 && rest.substring(0, slash).chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }

    private static Mono<ServerResponse> redirect(String location) {
        return ServerResponse.status(HttpStatus.MOVED_PERMANENTLY).location(URI.create(location)).build();
    }
}
