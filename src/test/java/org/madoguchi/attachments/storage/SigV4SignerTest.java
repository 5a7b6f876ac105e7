package org.madoguchi.attachments.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Signature Version 4 against published values: the examples of the Amazon S3 API reference ("Signature
 * Calculations for the Authorization Header", examplebucket, 2013-05-24) and cases of the AWS SigV4 test suite
 * (AKIDEXAMPLE, service "service", 2015-08-30).
 */
class SigV4SignerTest {

	static final String EMPTY = SigV4Signer.EMPTY_SHA256;
	static final Instant S3_EXAMPLE_TIME = Instant.parse("2013-05-24T00:00:00Z");
	static final SigV4Signer S3_EXAMPLE = new SigV4Signer("AKIAIOSFODNN7EXAMPLE",
			"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "us-east-1", "s3");

	@Test
	void getObjectExampleOfTheS3Documentation() {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Host", "examplebucket.s3.amazonaws.com");
		headers.put("Range", "bytes=0-9");
		headers.put("x-amz-content-sha256", EMPTY);
		headers.put("x-amz-date", "20130524T000000Z");

		SigV4Signer.Signature s = S3_EXAMPLE.sign("GET", "/test.txt", Map.of(), headers, EMPTY, S3_EXAMPLE_TIME);

		assertThat(s.canonicalRequest()).isEqualTo(String.join("\n", "GET", "/test.txt", "",
				"host:examplebucket.s3.amazonaws.com", "range:bytes=0-9", "x-amz-content-sha256:" + EMPTY,
				"x-amz-date:20130524T000000Z", "", "host;range;x-amz-content-sha256;x-amz-date", EMPTY));
		assertThat(s.stringToSign()).isEqualTo(String.join("\n", "AWS4-HMAC-SHA256", "20130524T000000Z",
				"20130524/us-east-1/s3/aws4_request", "7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972"));
		assertThat(s.signature()).isEqualTo("f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
		assertThat(s.authorization()).isEqualTo("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/"
				+ "aws4_request, SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, "
				+ "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
	}

	@Test
	void putObjectExampleEncodesTheKeyAndSignsThePayload() {
		String payloadHash = SigV4Signer.sha256Hex("Welcome to Amazon S3.".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(payloadHash).isEqualTo("44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072");
		Map<String, String> headers = Map.of("Host", "examplebucket.s3.amazonaws.com", "Date",
				"Fri, 24 May 2013 00:00:00 GMT", "x-amz-date", "20130524T000000Z", "x-amz-storage-class",
				"REDUCED_REDUNDANCY", "x-amz-content-sha256", payloadHash);

		SigV4Signer.Signature s = S3_EXAMPLE.sign("PUT", "/test$file.text", Map.of(), headers, payloadHash,
				S3_EXAMPLE_TIME);

		assertThat(s.canonicalRequest()).startsWith("PUT\n/test%24file.text\n\n");
		assertThat(s.signedHeaders()).isEqualTo("date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class");
		assertThat(s.signature()).isEqualTo("98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd");
	}

	@Test
	void bucketExamplesWithQueryParameters() {
		Map<String, String> headers = Map.of("Host", "examplebucket.s3.amazonaws.com", "x-amz-date", "20130524T000000Z",
				"x-amz-content-sha256", EMPTY);

		assertThat(S3_EXAMPLE.sign("GET", "/", Map.of("lifecycle", ""), headers, EMPTY, S3_EXAMPLE_TIME).signature())
			.isEqualTo("fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543");
		SigV4Signer.Signature list = S3_EXAMPLE.sign("GET", "/", Map.of("prefix", "J", "max-keys", "2"), headers, EMPTY,
				S3_EXAMPLE_TIME);
		assertThat(list.canonicalRequest()).startsWith("GET\n/\nmax-keys=2&prefix=J\n");
		assertThat(list.signature()).isEqualTo("34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7");
	}

	@Test
	void casesOfTheSigV4TestSuite() {
		SigV4Signer suite = new SigV4Signer("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "us-east-1",
				"service");
		Instant time = Instant.parse("2015-08-30T12:36:00Z");
		Map<String, String> headers = Map.of("Host", "example.amazonaws.com", "X-Amz-Date", "20150830T123600Z");

		// get-utf8: a non-ASCII path is percent-encoded as UTF-8
		SigV4Signer.Signature utf8 = suite.sign("GET", "/\u1234", Map.of(), headers, EMPTY, time);
		assertThat(utf8.canonicalRequest()).isEqualTo(String.join("\n", "GET", "/%E1%88%B4", "",
				"host:example.amazonaws.com", "x-amz-date:20150830T123600Z", "", "host;x-amz-date", EMPTY));
		assertThat(utf8.authorization()).isEqualTo("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/"
				+ "aws4_request, SignedHeaders=host;x-amz-date, "
				+ "Signature=8318018e0b0f223aa2bbf98705b62bb787dc9c0e678f255a891fd03141be5d85");

		// get-vanilla-query-order-key-case: parameters are sorted
		Map<String, String> query = new LinkedHashMap<>();
		query.put("Param2", "value2");
		query.put("Param1", "value1");
		assertThat(suite.sign("GET", "/", query, headers, EMPTY, time).signature())
			.isEqualTo("b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500");
	}

	@Test
	void headerValuesAreTrimmedAndNamesLowerCased() {
		Map<String, String> a = Map.of("HOST", "h.example", "X-Amz-Date", "20130524T000000Z", "My-Header", "  a   b  ");
		Map<String, String> b = Map.of("host", "h.example", "x-amz-date", "20130524T000000Z", "my-header", "a b");
		assertThat(S3_EXAMPLE.sign("GET", "/k", Map.of(), a, EMPTY, S3_EXAMPLE_TIME).signature())
			.isEqualTo(S3_EXAMPLE.sign("GET", "/k", Map.of(), b, EMPTY, S3_EXAMPLE_TIME).signature());
		assertThat(S3_EXAMPLE.sign("GET", "/k", Map.of(), a, EMPTY, S3_EXAMPLE_TIME).signature())
			.isNotEqualTo(S3_EXAMPLE.sign("GET", "/other", Map.of(), b, EMPTY, S3_EXAMPLE_TIME).signature());
	}
}
