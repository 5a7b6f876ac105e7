package org.madoguchi.assistant;

import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the assistant's LINE channel ({@code madoguchi.assistant.line.*}): one LINE official account
 * (チャネル) per city. The secrets come from the environment (e.g. {@code MADOGUCHI_ASSISTANT_LINE_CHANNELS_0_TENANT},
 * {@code ..._CHANNEL_SECRET}, {@code ..._CHANNEL_ACCESS_TOKEN}), never from a file in the repository.
 *
 * @param apiBaseUrl where LINE's Messaging API is ({@code https://api.line.me}); tests and start-dev point it at a
 *     stand-in
 * @param timeout connect and read timeout of each call to LINE: a reply token lives only tens of seconds, and the
 *     webhook must answer LINE quickly
 * @param maxBodyBytes the largest webhook body read
 * @param channels the cities that have a LINE official account
 */
@ConfigurationProperties("madoguchi.assistant.line")
record LineProperties(URI apiBaseUrl, Duration timeout, Integer maxBodyBytes, List<LineChannel> channels) {

	/**
	 * One LINE official account.
	 *
	 * @param tenant the assistant tenant (city) that answers its messages
	 * @param channelSecret signs the webhook requests (チャネルシークレット)
	 * @param channelAccessToken authorises replies (チャネルアクセストークン)
	 */
	record LineChannel(String tenant, String channelSecret, String channelAccessToken) {

		LineChannel {
			require(tenant, "tenant");
			require(channelSecret, "channel-secret");
			require(channelAccessToken, "channel-access-token");
		}

		private static void require(String value, String name) {
			if (value == null || value.isBlank()) {
				throw new IllegalArgumentException("madoguchi.assistant.line.channels[]." + name
						+ " is missing: every LINE channel needs a tenant, a channel secret and a channel access token");
			}
		}

		/** Never the secrets: this record may end up in a log line or an error report. */
		@Override
		public String toString() {
			return "LineChannel[tenant=" + tenant + "]";
		}
	}

	LineProperties {
		apiBaseUrl = apiBaseUrl == null ? URI.create("https://api.line.me") : apiBaseUrl;
		timeout = timeout == null ? Duration.ofSeconds(3) : timeout;
		maxBodyBytes = maxBodyBytes == null ? 1_048_576 : maxBodyBytes;
		channels = channels == null ? List.of() : List.copyOf(channels);
		if (!"https".equals(apiBaseUrl.getScheme()) && !"http".equals(apiBaseUrl.getScheme())) {
			throw new IllegalArgumentException("madoguchi.assistant.line.api-base-url must be an http(s) URL");
		}
		Set<String> seen = new HashSet<>();
		for (LineChannel c : channels) {
			if (!seen.add(c.tenant())) {
				throw new IllegalArgumentException("madoguchi.assistant.line.channels: tenant " + c.tenant()
						+ " has more than one LINE channel");
			}
		}
	}

	/** The tenant's channel, if it has one. */
	Optional<LineChannel> channel(String tenant) {
		return channels.stream().filter(c -> c.tenant().equals(tenant)).findFirst();
	}

	/** {@code path} (starting with a slash) under the API base URL, without a doubled slash. */
	URI api(String path) {
		String base = apiBaseUrl.toString().replaceAll("/+$", "");
		return URI.create(base + path);
	}
}
