package org.madoguchi.registry;

/**
 * 戸籍の表示 of a Japanese resident.
 *
 * @param honseki 本籍
 * @param hittousha 筆頭者の氏名
 */
public record FamilyRegister(String honseki, String hittousha) {
}
