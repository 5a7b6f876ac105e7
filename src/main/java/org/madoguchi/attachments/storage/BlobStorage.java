package org.madoguchi.attachments.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Where attachment bytes live, addressed by key ({@code originals/<id>}, {@code sanitized/<id>}). Keys
 * are made of {@code /}-separated segments of {@code [A-Za-z0-9._-]}; {@link BlobKeys#check} refuses
 * anything else, {@code ..} in particular.
 */
public interface BlobStorage {

	/** Stores the file's bytes under the key, replacing what was there. Readers never see a partial blob. */
	void put(String key, Path file) throws IOException;

	/** The bytes stored under the key; the caller closes the stream. {@link java.nio.file.NoSuchFileException} when absent. */
	InputStream get(String key) throws IOException;

	/** Removes the blob; an absent key is not an error. */
	void delete(String key) throws IOException;
}
