package org.unionplatform.common.pii.logging;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The one-line logback-spring.xml a service adds: Boot's console format, with masking. */
class ConsoleIncludeTest {

	@Test
	void bootsConsoleFormatMasksMessagesAndStackTraces() throws Exception {
		PrintStream originalOut = System.out;
		ByteArrayOutputStream captured = new ByteArrayOutputStream();
		LoggerContext context = new LoggerContext();
		context.setMDCAdapter(new LogbackMDCAdapter());
		try {
			System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
			JoranConfigurator configurator = new JoranConfigurator();
			configurator.setContext(context);
			configurator.doConfigure(new ByteArrayInputStream("""
					<configuration>
					  <include resource="org/unionplatform/common/pii/logback/console.xml"/>
					</configuration>
					""".getBytes(StandardCharsets.UTF_8)));

			context.getLogger("org.unionplatform.membership.Registration")
				.error("rejected {}", "11010519491231002X", new IllegalStateException("phone 13812345678 taken"));
		}
		finally {
			System.setOut(originalOut);
			context.stop();
		}

		String written = captured.toString(StandardCharsets.UTF_8);
		assertThat(written).contains("ERROR")
			.contains("membership.Registration  : rejected")
			.contains("rejected 110***********002X")
			.contains("java.lang.IllegalStateException: phone 138****5678 taken")
			.doesNotContain("11010519491231002X", "13812345678");
	}

}
