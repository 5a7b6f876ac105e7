package org.madoguchi.issuance.signing;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * DEVELOPMENT AND TESTS ONLY: the built-in RFC 3161 TSA over HTTP ({@code POST /dev/tsa}, RFC 3161 §3.4), there only
 * with {@code madoguchi.issuance.dev-directory}. Lets other tools (and other nodes of a development cluster) stamp
 * against the development PKI; the seal signer on this node calls the authority in process instead.
 */
@RestController
@ConditionalOnProperty("madoguchi.issuance.dev-directory")
class DevTsaController {

	static final String PATH = "/dev/tsa";

	private static final MediaType REPLY = MediaType.parseMediaType(HttpTimestampClient.REPLY);

	private final DevTimestampAuthority authority;

	DevTsaController(DevTimestampAuthority authority) {
		this.authority = authority;
	}

	@PostMapping(path = PATH, consumes = HttpTimestampClient.QUERY)
	ResponseEntity<byte[]> stamp(HttpServletRequest request) throws IOException {
		byte[] query;
		try (InputStream in = request.getInputStream()) {
			query = in.readNBytes(DevTimestampAuthority.MAX_REQUEST_BYTES + 1);
		}
		if (query.length > DevTimestampAuthority.MAX_REQUEST_BYTES) {
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).build();
		}
		// refusals are RFC 3161 replies too (status rejection), with HTTP 200 as §3.4 has it
		return ResponseEntity.ok().contentType(REPLY).body(authority.respond(query));
	}
}
