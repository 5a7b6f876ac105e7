package org.madoguchi.issuance.signing;

import org.bouncycastle.tsp.TimeStampToken;

/**
 * An RFC 3161 time-stamp authority (時刻認証局): stamps a SHA-256 digest. Implementations check the reply (status,
 * nonce, message imprint, the TSA certificate's id-kp-timeStamping) before returning the token.
 */
public interface TimestampClient {

	/**
	 * A time-stamp token over the SHA-256 digest.
	 *
	 * @throws TimestampException when the TSA cannot be reached or its reply is refused
	 */
	TimeStampToken timestamp(byte[] sha256Digest);

	/**
	 * A client that stamps through the given authority inside this process (the built-in development TSA): the same
	 * DER request and reply as over HTTP, status, nonce and imprint checked, the token's signature not verified again.
	 */
	static TimestampClient inProcess(DevTimestampAuthority authority) {
		return digest -> {
			TimestampExchange exchange = TimestampExchange.request(digest);
			return exchange.accept(authority.respond(exchange.encoded()), false);
		};
	}
}
