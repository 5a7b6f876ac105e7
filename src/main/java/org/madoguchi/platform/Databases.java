package org.madoguchi.platform;

import javax.sql.DataSource;

import org.springframework.jdbc.support.JdbcUtils;

/** Which database the application runs on, for the few statements that differ (sequences, upserts). */
public final class Databases {

	private Databases() {
	}

	public static boolean isPostgres(DataSource dataSource) {
		try {
			String product = JdbcUtils.extractDatabaseMetaData(dataSource, md -> md.getDatabaseProductName());
			return product != null && product.toLowerCase().contains("postgres");
		}
		catch (Exception e) {
			throw new IllegalStateException("cannot tell which database this is", e);
		}
	}
}
