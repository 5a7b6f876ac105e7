package org.madoguchi.attachments;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.madoguchi.attachments.storage.BlobStorage;
import org.madoguchi.platform.FieldError;
import org.madoguchi.platform.InvalidInputException;
import org.madoguchi.platform.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@link Attachments} over the {@code attachment} table and a {@link BlobStorage}. An upload is first spooled
 * to a private temporary file (never more than the limit plus one byte is read), then checked, sanitized, and
 * only then written to the storage and recorded.
 */
@Service
class AttachmentStore implements Attachments {

	private static final Logger log = LoggerFactory.getLogger(AttachmentStore.class);
	private static final long MB = 1024L * 1024L;

	private final AttachmentRows rows;
	private final BlobStorage storage;
	private final AttachmentsProperties properties;
	private final Clock clock;
	private final Semaphore sanitizing;

	AttachmentStore(AttachmentRows rows, BlobStorage storage, AttachmentsProperties properties,
			ObjectProvider<Clock> clock) {
		this.rows = rows;
		this.storage = storage;
		this.properties = properties;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
		this.sanitizing = new Semaphore(properties.maxConcurrentSanitizing(), true);
	}

	@Override
	public StoredAttachment store(UUID ownerId, String fieldId, String filename, InputStream content,
			Set<String> allowedTypes, long maxBytes) {
		Objects.requireNonNull(ownerId, "ownerId");
		Objects.requireNonNull(content, "content");
		if (fieldId == null || fieldId.isBlank() || fieldId.length() > 100) {
			throw new IllegalArgumentException("fieldId must be 1 to 100 characters");
		}
		Set<AttachmentType> allowed = allowed(allowedTypes);
		long limit = maxBytes <= 0 ? properties.maxBytes().toBytes() : Math.min(maxBytes, properties.maxBytes().toBytes());
		String name = FileNames.displayName(filename).orElseThrow(() -> refused(fieldId, "attachments.error.filename",
				FileNames.MAX_LENGTH));
		if (rows.countFor(ownerId) >= properties.maxPerOwner()) {
			throw refused(fieldId, "attachments.error.tooMany", properties.maxPerOwner());
		}
		Path original = null;
		Path sanitized = null;
		try {
			original = Files.createTempFile("madoguchi-upload-", ".bin");
			Spooled spooled = spool(content, original, limit);
			if (spooled.size() == 0) {
				throw refused(fieldId, "attachments.error.empty");
			}
			if (spooled.size() > limit) {
				throw refused(fieldId, "attachments.error.tooLarge", megabytes(limit));
			}
			Optional<AttachmentType> detected = AttachmentType.detect(spooled.head());
			Optional<AttachmentType> claimed = AttachmentType.fromExtension(name);
			if (claimed.isPresent() && !claimed.equals(detected)) {
				throw refused(fieldId, "attachments.error.disguised");
			}
			if (detected.isEmpty() || !allowed.contains(detected.get())) {
				throw refused(fieldId, "attachments.error.typeNotAllowed", names(allowed));
			}
			AttachmentType type = detected.get();
			sanitized = Files.createTempFile("madoguchi-sanitized-", ".bin");
			sanitize(fieldId, type, original, sanitized);

			UUID id = UUID.randomUUID();
			StoredAttachment attachment = new StoredAttachment(id, ownerId, fieldId, FileNames.withExtension(name, type),
					type, spooled.size(), spooled.sha256(), Files.size(sanitized),
					clock.instant().truncatedTo(ChronoUnit.MICROS));
			AttachmentRows.Row row = new AttachmentRows.Row(attachment, "originals/" + id, "sanitized/" + id);
			try {
				storage.put(row.originalKey(), original);
				storage.put(row.sanitizedKey(), sanitized);
				rows.insert(row);
			}
			catch (IOException | RuntimeException e) {
				deleteBlobs(row);
				throw e;
			}
			onRollback(() -> deleteBlobs(row));
			return attachment;
		}
		catch (IOException e) {
			throw new UncheckedIOException("could not store attachment", e);
		}
		finally {
			deleteQuietly(original);
			deleteQuietly(sanitized);
		}
	}

	@Override
	public Optional<StoredAttachment> find(UUID id) {
		return rows.find(id).map(AttachmentRows.Row::attachment);
	}

	@Override
	public List<StoredAttachment> listFor(UUID ownerId) {
		return rows.listFor(ownerId).stream().map(AttachmentRows.Row::attachment).toList();
	}

	@Override
	public InputStream openOriginal(UUID id) {
		return open(id, AttachmentRows.Row::originalKey);
	}

	@Override
	public InputStream openSanitized(UUID id) {
		return open(id, AttachmentRows.Row::sanitizedKey);
	}

	@Override
	public void delete(UUID id) {
		rows.find(id).ifPresent(row -> {
			if (rows.delete(id)) {
				afterCommit(() -> deleteBlobs(row));
			}
		});
	}

	@Override
	public void deleteAllFor(UUID ownerId) {
		for (AttachmentRows.Row row : rows.listFor(ownerId)) {
			delete(row.attachment().id());
		}
	}

	private InputStream open(UUID id, Function<AttachmentRows.Row, String> key) {
		AttachmentRows.Row row = rows.find(id).orElseThrow(() -> new NotFoundException("attachment " + id));
		try {
			return storage.get(key.apply(row));
		}
		catch (NoSuchFileException e) {
			throw new NotFoundException("attachment blob " + key.apply(row));
		}
		catch (IOException e) {
			throw new UncheckedIOException("could not read attachment " + id, e);
		}
	}

	private void sanitize(String fieldId, AttachmentType type, Path original, Path target) throws IOException {
		try {
			sanitizing.acquire();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while waiting to sanitize", e);
		}
		try {
			Sanitizer.sanitize(type, original, target);
		}
		catch (Refusal r) {
			throw refused(fieldId, r.code(), r.args());
		}
		finally {
			sanitizing.release();
		}
	}

	/** What was read: at most {@code limit + 1} bytes, so that "too large" is known without reading the rest. */
	record Spooled(long size, String sha256, byte[] head) {
	}

	static Spooled spool(InputStream content, Path target, long limit) throws IOException {
		MessageDigest digest;
		try {
			digest = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
		byte[] head = new byte[AttachmentType.MAGIC_LENGTH];
		byte[] buffer = new byte[64 * 1024];
		long total = 0;
		try (OutputStream out = Files.newOutputStream(target)) {
			while (total <= limit) {
				int n = content.read(buffer, 0, (int) Math.min(buffer.length, limit + 1 - total));
				if (n < 0) {
					break;
				}
				if (total < head.length) {
					System.arraycopy(buffer, 0, head, (int) total, (int) Math.min(n, head.length - total));
				}
				digest.update(buffer, 0, n);
				out.write(buffer, 0, n);
				total += n;
			}
		}
		return new Spooled(total, HexFormat.of().formatHex(digest.digest()),
				Arrays.copyOf(head, (int) Math.min(total, head.length)));
	}

	private static Set<AttachmentType> allowed(Set<String> names) {
		if (names == null || names.isEmpty()) {
			return EnumSet.allOf(AttachmentType.class);
		}
		EnumSet<AttachmentType> set = EnumSet.noneOf(AttachmentType.class);
		for (String name : names) {
			set.add(AttachmentType.valueOf(name.strip().toUpperCase(Locale.ROOT)));
		}
		return set;
	}

	private static String names(Set<AttachmentType> types) {
		return types.stream().map(Enum::name).collect(Collectors.joining(", "));
	}

	/** "10" for 10 MB, "2.5" for 2.5 MB. */
	static String megabytes(long bytes) {
		if (bytes % MB == 0) {
			return Long.toString(bytes / MB);
		}
		return BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(MB), 1, RoundingMode.DOWN)
			.stripTrailingZeros().toPlainString();
	}

	private static InvalidInputException refused(String fieldId, String code, Object... args) {
		return new InvalidInputException(FieldError.of(fieldId, code, args));
	}

	private void deleteBlobs(AttachmentRows.Row row) {
		for (String key : List.of(row.originalKey(), row.sanitizedKey())) {
			try {
				storage.delete(key);
			}
			catch (IOException | RuntimeException e) {
				// the row is gone or was never written; a stray blob is logged for the operator to remove
				log.warn("could not delete attachment blob {}: {}", key, e.toString());
			}
		}
	}

	private static void onRollback(Runnable action) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					if (status == STATUS_ROLLED_BACK) {
						action.run();
					}
				}
			});
		}
	}

	private static void afterCommit(Runnable action) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					action.run();
				}
			});
		}
		else {
			action.run();
		}
	}

	private static void deleteQuietly(Path file) {
		if (file != null) {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException e) {
				log.warn("could not delete temporary upload {}: {}", file, e.toString());
			}
		}
	}
}
