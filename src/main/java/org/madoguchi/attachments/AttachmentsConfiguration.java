package org.madoguchi.attachments;

import java.io.IOException;
import java.nio.file.Path;

import org.madoguchi.attachments.storage.BlobStorage;
import org.madoguchi.attachments.storage.FileSystemBlobStorage;
import org.madoguchi.attachments.storage.S3BlobStorage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AttachmentsConfiguration {

	/** The blob storage chosen by {@code madoguchi.attachments.storage}. */
	@Bean
	BlobStorage attachmentBlobStorage(AttachmentsProperties properties,
			@Value("${madoguchi.data-dir:./data}") String dataDir) throws IOException {
		return switch (properties.storage()) {
			case "filesystem" -> new FileSystemBlobStorage(properties.directory() == null || properties.directory().isBlank()
					? Path.of(dataDir, "attachments") : Path.of(properties.directory()));
			case "s3" -> {
				AttachmentsProperties.S3 s3 = properties.s3();
				if (s3 == null) {
					throw new IllegalStateException("madoguchi.attachments.storage=s3 needs madoguchi.attachments.s3.endpoint, "
							+ "region, bucket, access-key and secret-key");
				}
				yield new S3BlobStorage(s3.endpoint(), s3.region(), s3.bucket(), s3.accessKey(), s3.secretKey());
			}
			default -> throw new IllegalStateException(
					"madoguchi.attachments.storage must be filesystem or s3, not " + properties.storage());
		};
	}
}
