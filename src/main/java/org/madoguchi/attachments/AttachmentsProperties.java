package org.madoguchi.attachments;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the attachments module ({@code madoguchi.attachments.*}).
 *
 * @param maxBytes the largest file accepted whatever a procedure allows (default 20 MB)
 * @param maxPerOwner how many files one application may hold (default 50)
 * @param maxConcurrentSanitizing how many files are redrawn or flattened at once; each may need a few hundred
 *        MB of memory for a large image (default 2)
 * @param storage {@code filesystem} (default) or {@code s3}
 * @param directory for {@code filesystem}: where blobs go (default {@code {madoguchi.data-dir}/attachments})
 * @param s3 for {@code s3}: the object store; keys from the environment
 *        ({@code MADOGUCHI_ATTACHMENTS_S3_ACCESSKEY}, {@code MADOGUCHI_ATTACHMENTS_S3_SECRETKEY})
 */
@ConfigurationProperties("madoguchi.attachments")
record AttachmentsProperties(DataSize maxBytes, Integer maxPerOwner, Integer maxConcurrentSanitizing, String storage,
		String directory, S3 s3) {

	static final DataSize DEFAULT_MAX = DataSize.ofMegabytes(20);

	AttachmentsProperties {
		maxBytes = maxBytes == null || maxBytes.toBytes() <= 0 ? DEFAULT_MAX : maxBytes;
		maxPerOwner = maxPerOwner == null || maxPerOwner <= 0 ? 50 : maxPerOwner;
		maxConcurrentSanitizing = maxConcurrentSanitizing == null || maxConcurrentSanitizing <= 0 ? 2
				: maxConcurrentSanitizing;
		storage = storage == null || storage.isBlank() ? "filesystem" : storage.strip();
	}

	/**
	 * An S3-compatible object store, addressed path-style ({@code {endpoint}/{bucket}/{key}}).
	 *
	 * @param endpoint e.g. {@code https://s3.ap-northeast-1.amazonaws.com} or {@code http://minio:9000}
	 * @param region the signing region, e.g. {@code ap-northeast-1} ({@code us-east-1} for most MinIO setups)
	 */
	record S3(URI endpoint, String region, String bucket, String accessKey, String secretKey) {

		@Override
		public String toString() {
			// never the keys: this may end up in a log
			return "S3[endpoint=" + endpoint + ", region=" + region + ", bucket=" + bucket + "]";
		}
	}
}
