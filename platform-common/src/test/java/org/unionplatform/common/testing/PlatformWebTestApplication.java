package org.unionplatform.common.testing;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.unionplatform.common.security.ResourceServerIT;
import org.unionplatform.common.web.ProblemResponsesIT;

/** The one application behind {@link PlatformWebTest}: every web test's controller, nothing scanned. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({ResourceServerIT.ThingController.class, ProblemResponsesIT.SampleController.class})
public class PlatformWebTestApplication {
}
