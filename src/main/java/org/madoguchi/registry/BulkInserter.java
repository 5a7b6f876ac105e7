package org.madoguchi.registry;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Inserts many rows in the caller's transaction. On PostgreSQL, large batches go through the COPY
 * protocol (the database's own bulk-load path); elsewhere, and for small batches, through JDBC batches.
 */
@Component
class BulkInserter {

	static final int COPY_THRESHOLD = 200;

	private final JdbcTemplate jdbc;
	private final DataSource dataSource;
	private volatile Boolean postgres;

	BulkInserter(JdbcTemplate jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	void insert(String table, String columns, List<Object[]> rows) {
		if (rows.isEmpty()) {
			return;
		}
		if (rows.size() >= COPY_THRESHOLD && isPostgres()) {
			copy(table, columns, rows);
			return;
		}
		int n = columns.split(",").length;
		jdbc.batchUpdate("INSERT INTO " + table + " (" + columns + ") VALUES (" + "?,".repeat(n - 1) + "?)", rows);
	}

	private void copy(String table, String columns, List<Object[]> rows) {
		StringBuilder csv = new StringBuilder(rows.size() * 256);
		for (Object[] row : rows) {
			for (int i = 0; i < row.length; i++) {
				if (i > 0) {
					csv.append(',');
				}
				appendCsv(csv, row[i]);
			}
			csv.append('\n');
		}
		Connection con = DataSourceUtils.getConnection(dataSource);
		try {
			con.unwrap(PGConnection.class).getCopyAPI()
				.copyIn("COPY " + table + " (" + columns + ") FROM STDIN (FORMAT csv)", new StringReader(csv.toString()));
		}
		catch (SQLException | IOException e) {
			throw new DataAccessResourceFailureException("COPY into " + table + " failed: " + e.getMessage(), e);
		}
		finally {
			DataSourceUtils.releaseConnection(con, dataSource);
		}
	}

	/** CSV as PostgreSQL reads it: an unquoted empty field is NULL, every value is quoted. */
	static void appendCsv(StringBuilder sb, Object value) {
		if (value == null) {
			return;
		}
		String text = value instanceof Timestamp t ? t.toInstant().toString() : value.toString();
		sb.append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"') {
				sb.append('"');
			}
			sb.append(c);
		}
		sb.append('"');
	}

	private boolean isPostgres() {
		Boolean p = postgres;
		if (p == null) {
			p = Boolean.TRUE.equals(jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName()
				.toLowerCase().contains("postgres")));
			postgres = p;
		}
		return p;
	}
}
