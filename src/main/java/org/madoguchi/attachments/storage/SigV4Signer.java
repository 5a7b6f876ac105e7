package org.madoguchi.attachments.storage;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS Signature Version 4 for the {@code Authorization} header, the way S3 wants it: the path is URI-encoded
 * once and not normalised (object keys may contain anything), query parameters and headers are sorted, header
 * values are trimmed and inner runs of spaces collapsed. Every header passed in is signed.
 */
public final class SigV4Signer {

	public static final String ALGORITHM = "AWS4-HMAC-SHA256";

	/** SHA-256 of nothing: the payload hash of GET and DELETE. */
	public static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

	private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private final String accessKey;
	private final String secretKey;
	private final String region;
	private final String service;

	public SigV4Signer(String accessKey, String secretKey, String region, String service) {
		this.accessKey = require(accessKey, "access key");
		this.secretKey = require(secretKey, "secret key");
		this.region = require(region, "region");
		this.service = require(service, "service");
	}

	/**
	 * Signs one request.
	 *
	 * @param path the decoded path, e.g. {@code /bucket/originals/ab.pdf} (encoded here)
	 * @param query decoded query parameters (a parameter without value maps to "")
	 * @param headers the headers to sign, including {@code host} and {@code x-amz-date} (names in any case)
	 * @param payloadHash hex SHA-256 of the body, or {@code UNSIGNED-PAYLOAD}
	 * @param at the time in {@code x-amz-date}
	 */
	public Signature sign(String method, String path, Map<String, String> query, Map<String, String> headers,
			String payloadHash, Instant at) {
		TreeMap<String, String> canonicalHeaders = new TreeMap<>();
		headers.forEach((name, value) -> canonicalHeaders.merge(name.toLowerCase(Locale.ROOT).strip(),
				value.strip().replaceAll(" +", " "), (a, b) -> a + "," + b));
		String signedHeaders = String.join(";", canonicalHeaders.keySet());
		String canonicalQuery = query.entrySet().stream()
			.map(e -> new String[] { uriEncode(e.getKey(), false), uriEncode(e.getValue(), false) })
			.sorted((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]))
			.map(kv -> kv[0] + "=" + kv[1])
			.collect(Collectors.joining("&"));
		String canonicalRequest = method + "\n" + uriEncode(path.isEmpty() ? "/" : path, true) + "\n" + canonicalQuery
				+ "\n" + canonicalHeaders.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue() + "\n")
					.collect(Collectors.joining())
				+ "\n" + signedHeaders + "\n" + payloadHash;

		String amzDate = amzDate(at);
		String day = amzDate.substring(0, 8);
		String scope = day + "/" + region + "/" + service + "/aws4_request";
		String stringToSign = ALGORITHM + "\n" + amzDate + "\n" + scope + "\n"
				+ sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));

		byte[] key = hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), day);
		key = hmac(key, region);
		key = hmac(key, service);
		key = hmac(key, "aws4_request");
		String signature = HexFormat.of().formatHex(hmac(key, stringToSign));
		String authorization = ALGORITHM + " Credential=" + accessKey + "/" + scope + ", SignedHeaders=" + signedHeaders
				+ ", Signature=" + signature;
		return new Signature(canonicalRequest, stringToSign, signedHeaders, signature, authorization);
	}

	/** The {@code x-amz-date} form of an instant: {@code 20130524T000000Z}. */
	public static String amzDate(Instant at) {
		return AMZ_DATE.format(at);
	}

	/** URI encoding as SigV4 defines it: everything but {@code A-Za-z0-9-._~} (and {@code /} in paths) as %XX. */
	public static String uriEncode(String s, boolean path) {
		StringBuilder out = new StringBuilder(s.length() + 16);
		for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
			int c = b & 0xFF;
			if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
					|| c == '.' || c == '~' || (path && c == '/')) {
				out.append((char) c);
			}
			else {
				out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
					.append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
			}
		}
		return out.toString();
	}

	public static String sha256Hex(byte[] data) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	private static byte[] hmac(byte[] key, String data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String require(String value, String what) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("S3 " + what + " is not set");
		}
		return value.strip();
	}

	@Override
	public String toString() {
		return "SigV4Signer[" + accessKey + ", " + region + ", " + service + "]";
	}

	/** The intermediate values, so that each step can be checked against published examples. */
	public record Signature(String canonicalRequest, String stringToSign, String signedHeaders, String signature,
			String authorization) {
	}
}
