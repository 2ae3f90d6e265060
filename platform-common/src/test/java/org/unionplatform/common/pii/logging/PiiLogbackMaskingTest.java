package org.unionplatform.common.pii.logging;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.joran.spi.JoranException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Configures a private logger context from the shipped include, as a service's logback-spring.xml would. */
class PiiLogbackMaskingTest {

	private final LoggerContext context = new LoggerContext();

	private final ByteArrayOutputStream output = new ByteArrayOutputStream();

	@AfterEach
	void stopContext() {
		this.context.stop();
	}

	@ParameterizedTest
	@ValueSource(strings = { "%m%n%wEx", "%msg %ex", "%message%n%xEx", "%pii(%logger %m) %throwable" })
	void maskedMessagesAndStackTracesWithBootsOrLogbacksConversionWords(String pattern) throws JoranException {
		Logger logger = loggerWritingTo(pattern);

		logger.warn("member {} with phone {} joined", "11010519491231002X", "13812345678",
				new IllegalArgumentException("bad input 110105199003071239 from 13987654321"));

		String written = this.output.toString(StandardCharsets.UTF_8);
		assertThat(written).contains("member 110***********002X with phone 138****5678 joined")
			.contains("bad input 110***********1239 from 139****4321")
			.contains("at org.unionplatform.common.pii.logging.PiiLogbackMaskingTest")
			.doesNotContain("11010519491231002X", "13812345678", "110105199003071239", "13987654321");
	}

	private Logger loggerWritingTo(String pattern) throws JoranException {
		this.context.setMDCAdapter(new LogbackMDCAdapter());
		JoranConfigurator configurator = new JoranConfigurator();
		configurator.setContext(this.context);
		String configuration = """
				<configuration>
				  <include resource="org/springframework/boot/logging/logback/defaults.xml"/>
				  <include resource="org/unionplatform/common/pii/logback/pii-masking.xml"/>
				</configuration>
				""";
		configurator.doConfigure(new ByteArrayInputStream(configuration.getBytes(StandardCharsets.UTF_8)));

		PatternLayoutEncoder encoder = new PatternLayoutEncoder();
		encoder.setContext(this.context);
		encoder.setPattern(pattern);
		encoder.start();
		OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
		appender.setContext(this.context);
		appender.setEncoder(encoder);
		appender.setOutputStream(this.output);
		appender.start();
		Logger logger = this.context.getLogger("test");
		logger.addAppender(appender);
		return logger;
	}

}
