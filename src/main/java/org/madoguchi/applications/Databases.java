package org.madoguchi.applications;

import javax.sql.DataSource;

import org.springframework.jdbc.support.JdbcUtils;

/** Which database the application runs on, for the few statements that differ (sequences, upserts). */
final class Databases {

	private Databases() {
	}

	static boolean isPostgres(DataSource dataSource) {
		try {
			String product = JdbcUtils.extractDatabaseMetaData(dataSource, md -> md.getDatabaseProductName());
			return product != null && product.toLowerCase().contains("postgres");
		}
		catch (Exception e) {
			throw new IllegalStateException("cannot tell which database this is", e);
		}
	}
}
