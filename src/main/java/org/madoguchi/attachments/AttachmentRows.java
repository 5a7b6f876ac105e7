package org.madoguchi.attachments;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The {@code attachment} table: metadata only, the bytes are in the blob storage. */
@Repository
class AttachmentRows {

	/** A row: the attachment and where its two blobs are. */
	record Row(StoredAttachment attachment, String originalKey, String sanitizedKey) {
	}

	private static final RowMapper<Row> MAPPER = (rs, i) -> new Row(new StoredAttachment(rs.getObject("id", UUID.class),
			rs.getObject("owner_id", UUID.class), rs.getString("field_id"), rs.getString("filename"),
			AttachmentType.valueOf(rs.getString("content_type")), rs.getLong("size_bytes"), rs.getString("sha256"),
			rs.getLong("sanitized_size"), rs.getTimestamp("created_at").toInstant()), rs.getString("original_key"),
			rs.getString("sanitized_key"));

	private final JdbcTemplate jdbc;

	AttachmentRows(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Row row) {
		StoredAttachment a = row.attachment();
		jdbc.update("INSERT INTO attachment (id, owner_id, field_id, filename, content_type, size_bytes, sha256, "
				+ "original_key, sanitized_key, sanitized_size, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)", a.id(),
				a.ownerId(), a.fieldId(), a.filename(), a.type().name(), a.size(), a.sha256(), row.originalKey(),
				row.sanitizedKey(), a.sanitizedSize(), Timestamp.from(a.createdAt()));
	}

	Optional<Row> find(UUID id) {
		return jdbc.query("SELECT * FROM attachment WHERE id = ?", MAPPER, id).stream().findFirst();
	}

	List<Row> listFor(UUID ownerId) {
		return jdbc.query("SELECT * FROM attachment WHERE owner_id = ? ORDER BY created_at, id", MAPPER, ownerId);
	}

	int countFor(UUID ownerId) {
		Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM attachment WHERE owner_id = ?", Integer.class, ownerId);
		return n == null ? 0 : n;
	}

	boolean delete(UUID id) {
		return jdbc.update("DELETE FROM attachment WHERE id = ?", id) == 1;
	}
}
