package org.madoguchi.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RelationshipTest {

	@ParameterizedTest
	@ValueSource(strings = { "世帯主", "子の妻", "妻の父", "妻", "子", "縁故者", "同居人", "夫（未届）", "夫(未届)", "子の子の子の子",
			"妻の母の兄の子" })
	void validRelationships(String r) {
		assertThat(Relationship.isValid(r)).isTrue();
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "子の子の子の子の子", "妻の父の母の兄の子", "友人", " ", "子の", "の子", "子のの妻", "世帯主の子", "同居人の子",
			"子 の妻" })
	void invalidRelationships(String r) {
		assertThat(Relationship.isValid(r)).isFalse();
	}

	@Test
	void memberOrderRankPutsHeadThenSpouseThenChildren() {
		assertThat(Relationship.rank("世帯主")).isLessThan(Relationship.rank("妻"));
		assertThat(Relationship.rank("夫（未届）")).isEqualTo(Relationship.rank("妻"));
		assertThat(Relationship.rank("妻")).isLessThan(Relationship.rank("子"));
		assertThat(Relationship.rank("子")).isLessThan(Relationship.rank("子の妻"));
		assertThat(Relationship.rank("妻の父")).isEqualTo(Relationship.rank("子の妻"));
	}
}
