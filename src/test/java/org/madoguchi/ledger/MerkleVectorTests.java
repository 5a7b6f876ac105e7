package org.madoguchi.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every inclusion and consistency case of transparency-dev/merkle (the vectors Trillian's proofs are tested
 * against) and the tree-head vectors of rgdd/CCTV.
 *
 * <p>One deliberate difference: {@code consistency/additional/sizes-are-equal-one-and-proof-is-empty.json}
 * expects two equal 12-byte "roots" to be accepted. We refuse it, because a root hash that is not 32 bytes can
 * never be the root of a SHA-256 tree (see {@link ConsistencyProof#verify(byte[], byte[])}); the test asserts the
 * refusal.
 */
class MerkleVectorTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String REFUSED_SHORT_ROOTS = "sizes-are-equal-one-and-proof-is-empty.json";

	@TestFactory
	Stream<DynamicTest> everyInclusionCase() throws IOException {
		List<Path> files = jsonFiles("inclusion");
		assertThat(files).hasSize(98);
		return files.stream().map(file -> check(file, () -> {
			JsonNode json = JSON.readTree(file.toFile());
			new InclusionProof(uint64(json, "leafIdx"), uint64(json, "treeSize"), hashes(json.get("proof")))
				.verify(base64(json, "leafHash"), base64(json, "root"));
		}, json -> json.get("wantErr").asBoolean()));
	}

	@TestFactory
	Stream<DynamicTest> everyConsistencyCase() throws IOException {
		List<Path> files = jsonFiles("consistency");
		assertThat(files).hasSize(98);
		return files.stream().map(file -> check(file, () -> {
			JsonNode json = JSON.readTree(file.toFile());
			new ConsistencyProof(uint64(json, "size1"), uint64(json, "size2"), hashes(json.get("proof")))
				.verify(base64(json, "root1"), base64(json, "root2"));
		}, json -> json.get("wantErr").asBoolean() || file.getFileName().toString().equals(REFUSED_SHORT_ROOTS)));
	}

	@Test
	void theOneRefusedVectorReallyWantsAcceptanceOfTwelveByteRoots() {
		Path file = TestVectors.dir("merkle", "transparency-dev-merkle", "testdata", "consistency", "additional")
			.resolve(REFUSED_SHORT_ROOTS);
		JsonNode json = JSON.readTree(file.toFile());
		assertThat(json.get("wantErr").asBoolean()).isFalse();
		assertThat(base64(json, "root1")).hasSize(12).isEqualTo(base64(json, "root2"));
		assertThatThrownBy(() -> new ConsistencyProof(1, 1, List.of()).verify(base64(json, "root1"), base64(json, "root2")))
			.isInstanceOf(InvalidProofException.class)
			.hasMessageContaining("root1 is not a 32-byte hash");
	}

	@Test
	void rgddTreeHeadsOfSixteenLeaves() {
		JsonNode cases = JSON.readTree(TestVectors.dir("merkle", "rgdd-CCTV-merkle", "testdata")
			.resolve("merkle_tree.json")
			.toFile());
		assertThat(cases.size()).isEqualTo(16);
		List<byte[]> leaves = new ArrayList<>();
		for (JsonNode entry : cases) {
			byte[] leafHash = MerkleTree.leafHash(entry.get("leaf_data").asString().getBytes(StandardCharsets.UTF_8));
			assertThat(leafHash).isEqualTo(base64(entry, "leaf_hash"));
			leaves.add(leafHash);
			assertThat(new MerkleTree(leaves).root()).as("root of %d leaves", leaves.size())
				.isEqualTo(base64(entry, "root_hash"));
		}
	}

	private static DynamicTest check(Path file, Executable verification, Predicate<JsonNode> mustFail) {
		String name = file.getParent().getFileName() + "/" + file.getFileName();
		return DynamicTest.dynamicTest(name, () -> {
			if (mustFail.test(JSON.readTree(file.toFile()))) {
				assertThatThrownBy(verification::execute).isInstanceOf(InvalidProofException.class);
			}
			else {
				assertThatCode(verification::execute).doesNotThrowAnyException();
			}
		});
	}

	private static List<Path> jsonFiles(String folder) throws IOException {
		try (Stream<Path> files = Files.walk(TestVectors.dir("merkle", "transparency-dev-merkle", "testdata", folder))) {
			return files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
		}
	}

	private static List<byte[]> hashes(JsonNode proof) {
		List<byte[]> hashes = new ArrayList<>();
		if (proof != null && !proof.isNull()) {
			proof.forEach(hash -> hashes.add(TestVectors.base64(hash.asString())));
		}
		return hashes;
	}

	/** The vectors use uint64; values from 2^63 up become negative longs, which every verifier refuses. */
	private static long uint64(JsonNode json, String field) {
		return Long.parseUnsignedLong(json.get(field).asString());
	}

	private static byte[] base64(JsonNode json, String field) {
		return TestVectors.base64(json.get(field).asString());
	}
}
