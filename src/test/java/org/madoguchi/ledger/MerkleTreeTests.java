package org.madoguchi.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Roots, proof generation and proof verification of {@link MerkleTree} against the RFC 6962 reference tree. */
class MerkleTreeTests {

	private static final HexFormat HEX = HexFormat.of();

	/** Leaf inputs of the classic RFC 6962 reference tree (transparency-dev/merkle README table). */
	private static final List<String> LEAF_INPUTS = List.of("", "00", "10", "2021", "3031", "40414243",
			"5051525354555657", "606162636465666768696a6b6c6d6e6f");

	/** Roots of the first n leaves, n = 0..8, from the same table. */
	private static final List<String> ROOTS = List.of(
			"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
			"6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
			"fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
			"aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
			"d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
			"4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
			"76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
			"ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
			"5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

	private static final MerkleTree REFERENCE = new MerkleTree(
			LEAF_INPUTS.stream().map(hex -> MerkleTree.leafHash(HEX.parseHex(hex))).toList());

	@Test
	void rootsOfTheReferenceTree() {
		for (int n = 0; n <= 8; n++) {
			assertThat(HEX.formatHex(REFERENCE.root(n))).as("root of %d leaves", n).isEqualTo(ROOTS.get(n));
		}
		assertThat(MerkleTree.emptyRoot()).isEqualTo(HEX.parseHex(ROOTS.get(0)));
	}

	@Test
	void generatedProofsEqualTheHappyPathVectors() {
		JsonMapper json = JsonMapper.builder().build();
		var testdata = TestVectors.dir("merkle", "transparency-dev-merkle", "testdata");
		for (String folder : List.of("1", "2", "3", "4")) {
			JsonNode inclusion = json.readTree(testdata.resolve("inclusion").resolve(folder).resolve("happy-path.json").toFile());
			assertThat(REFERENCE.inclusionProof(inclusion.get("leafIdx").asLong(), inclusion.get("treeSize").asLong()).path())
				.as("inclusion %s", folder).containsExactlyElementsOf(hashes(inclusion.get("proof")));
		}
		for (String folder : List.of("1", "2", "3", "4")) {
			JsonNode consistency = json.readTree(testdata.resolve("consistency").resolve(folder).resolve("happy-path.json").toFile());
			assertThat(REFERENCE.consistencyProof(consistency.get("size1").asLong(), consistency.get("size2").asLong()).path())
				.as("consistency %s", folder).containsExactlyElementsOf(hashes(consistency.get("proof")));
		}
	}

	@Test
	void everyGeneratedProofVerifiesAndNoOtherRootDoes() {
		MerkleTree tree = treeOf(33);
		for (int size = 1; size <= 33; size++) {
			byte[] root = tree.root(size);
			for (int index = 0; index < size; index++) {
				byte[] leaf = leafHash(index);
				byte[] otherLeaf = leafHash(index + 1);
				InclusionProof proof = tree.inclusionProof(index, size);
				assertThatCode(() -> proof.verify(leaf, root)).doesNotThrowAnyException();
				assertThatThrownBy(() -> proof.verify(otherLeaf, root)).isInstanceOf(InvalidProofException.class);
			}
			for (int size1 = 1; size1 <= size; size1++) {
				ConsistencyProof proof = tree.consistencyProof(size1, size);
				byte[] root1 = tree.root(size1);
				assertThatCode(() -> proof.verify(root1, root)).doesNotThrowAnyException();
				if (size1 < size) {
					assertThatThrownBy(() -> proof.verify(root, root)).isInstanceOf(InvalidProofException.class);
				}
			}
		}
	}

	@Test
	void everyBoundIsChecked() {
		MerkleTree tree = treeOf(5);
		byte[] root = tree.root();
		InclusionProof good = tree.inclusionProof(1, 5);
		assertThatThrownBy(() -> new InclusionProof(5, 5, good.path()).verify(leafHash(1), root))
			.hasMessageContaining("leafIndex 5 is not in a tree of size 5");
		assertThatThrownBy(() -> new InclusionProof(0, 0, List.of()).verify(leafHash(0), MerkleTree.emptyRoot()))
			.hasMessageContaining("leafIndex 0 is not in a tree of size 0");
		assertThatThrownBy(() -> new InclusionProof(-1, 5, good.path()).verify(leafHash(1), root))
			.isInstanceOf(InvalidProofException.class);
		List<byte[]> longer = new ArrayList<>(good.path());
		longer.add(root);
		assertThatThrownBy(() -> new InclusionProof(1, 5, longer).verify(leafHash(1), root)).hasMessageContaining("longer");
		assertThatThrownBy(() -> new InclusionProof(1, 5, good.path().subList(0, 2)).verify(leafHash(1), root))
			.hasMessageContaining("shorter");
		assertThatThrownBy(() -> good.verify(new byte[31], root)).hasMessageContaining("leafHash is not a 32-byte hash");
		assertThatThrownBy(() -> good.verify(leafHash(1), null)).hasMessageContaining("rootHash is not a 32-byte hash");

		ConsistencyProof consistent = tree.consistencyProof(3, 5);
		byte[] root3 = tree.root(3);
		assertThatThrownBy(() -> new ConsistencyProof(0, 5, consistent.path()).verify(root3, root)).hasMessageContaining("size1 0");
		assertThatThrownBy(() -> new ConsistencyProof(0, 0, List.of()).verify(root, root)).hasMessageContaining("size1 0");
		assertThatThrownBy(() -> new ConsistencyProof(6, 5, consistent.path()).verify(root3, root)).hasMessageContaining("size1 6");
		assertThatThrownBy(() -> new ConsistencyProof(3, 5, List.of()).verify(root3, root)).hasMessageContaining("path is empty");
		assertThatThrownBy(() -> new ConsistencyProof(5, 5, consistent.path()).verify(root, root)).hasMessageContaining("must be empty");
		assertThatThrownBy(() -> new ConsistencyProof(5, 5, List.of()).verify(root3, root)).hasMessageContaining("root1 differs");
		assertThatThrownBy(() -> tree.inclusionProof(5, 5)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> tree.consistencyProof(0, 5)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> tree.root(6)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void proofsCannotBeChangedAfterTheyWereMade() {
		InclusionProof proof = treeOf(4).inclusionProof(0, 4);
		proof.path().get(0)[0] ^= 1;
		assertThatCode(() -> proof.verify(leafHash(0), treeOf(4).root())).doesNotThrowAnyException();
	}

	private static MerkleTree treeOf(int size) {
		List<byte[]> leaves = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			leaves.add(leafHash(i));
		}
		return new MerkleTree(leaves);
	}

	private static byte[] leafHash(int entry) {
		return MerkleTree.leafHash(("entry " + entry).getBytes(StandardCharsets.UTF_8));
	}

	private static List<byte[]> hashes(JsonNode proof) {
		List<byte[]> hashes = new ArrayList<>();
		proof.forEach(hash -> hashes.add(TestVectors.base64(hash.asString())));
		return hashes;
	}
}
