package org.madoguchi.assistant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The LINE settings as production gives them: environment variables (the names DEVELOPERS.md documents). */
class LinePropertiesTest {

	private static LineProperties bind(Map<String, Object> env) {
		MutablePropertySources sources = new MutablePropertySources();
		sources.addFirst(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
				env));
		return new Binder(ConfigurationPropertySources.from(sources)).bindOrCreate("madoguchi.assistant.line",
				LineProperties.class);
	}

	@Test
	void channelsComeFromEnvironmentVariables() {
		LineProperties p = bind(Map.of("MADOGUCHI_ASSISTANT_LINE_CHANNELS_0_TENANT", "shinonomeno",
				"MADOGUCHI_ASSISTANT_LINE_CHANNELS_0_CHANNEL_SECRET", "s3cret",
				"MADOGUCHI_ASSISTANT_LINE_CHANNELS_0_CHANNEL_ACCESS_TOKEN", "t0ken",
				"MADOGUCHI_ASSISTANT_LINE_CHANNELS_1_TENANT", "kitayama",
				"MADOGUCHI_ASSISTANT_LINE_CHANNELS_1_CHANNEL_SECRET", "s2",
				"MADOGUCHI_ASSISTANT_LINE_CHANNELS_1_CHANNEL_ACCESS_TOKEN", "t2",
				"MADOGUCHI_ASSISTANT_LINE_API_BASE_URL", "http://127.0.0.1:9999/"));
		assertThat(p.channels()).hasSize(2);
		assertThat(p.channel("shinonomeno")).get()
			.extracting(LineProperties.LineChannel::channelSecret, LineProperties.LineChannel::channelAccessToken)
			.containsExactly("s3cret", "t0ken");
		assertThat(p.channel("nowhere")).isEmpty();
		assertThat(p.api("/v2/bot/message/reply")).isEqualTo(URI.create("http://127.0.0.1:9999/v2/bot/message/reply"));
		// a channel's secrets never end up in a log line through toString
		assertThat(p.toString()).doesNotContain("s3cret", "t0ken");
	}

	@Test
	void defaultsAreLinesOwnAddressAndShortTimeouts() {
		LineProperties p = bind(Map.of());
		assertThat(p.apiBaseUrl()).isEqualTo(URI.create("https://api.line.me"));
		assertThat(p.timeout()).isEqualTo(Duration.ofSeconds(3));
		assertThat(p.maxBodyBytes()).isEqualTo(1_048_576);
		assertThat(p.channels()).isEmpty();
	}

	@Test
	void aChannelWithoutItsSecretOrTwiceForOneTenantIsRefused() {
		assertThatThrownBy(() -> bind(Map.of("MADOGUCHI_ASSISTANT_LINE_CHANNELS_0_TENANT", "shinonomeno",
				"MADOGUCHI_ASSISTANT_LINE_CHANNELS_0_CHANNEL_ACCESS_TOKEN", "t0ken")))
			.isInstanceOf(BindException.class)
			.rootCause()
			.hasMessageContaining("channel-secret");
		assertThatThrownBy(() -> new LineProperties(null, null, null,
				List.of(new LineProperties.LineChannel("a", "s", "t"), new LineProperties.LineChannel("a", "s", "t"))))
			.hasMessageContaining("more than one");
	}
}
