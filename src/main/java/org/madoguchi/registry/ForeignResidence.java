package org.madoguchi.registry;

import java.time.LocalDate;

/**
 * Items kept only for foreign residents (住基法 第30条の45).
 *
 * @param nationality 国籍・地域
 * @param category 法第30条の45に規定する区分 (中長期在留者, 特別永住者, 一時庇護許可者, 仮滞在許可者, 出生による経過滞在者, 国籍喪失による経過滞在者)
 * @param status 在留資格
 * @param period 在留期間 (e.g. 3年)
 * @param expiry 在留期間の満了の日
 * @param cardNumber 在留カード等の番号
 */
public record ForeignResidence(String nationality, String category, String status, String period, LocalDate expiry,
		String cardNumber) {

	public static final java.util.List<String> CATEGORIES = java.util.List.of("中長期在留者", "特別永住者", "一時庇護許可者",
			"仮滞在許可者", "出生による経過滞在者", "国籍喪失による経過滞在者");
}
