package org.madoguchi.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The public read API, without signing in: tiles hold the right hashes, the checkpoint verifies, proofs hold. */
@SpringBootTest
@AutoConfigureMockMvc
class LedgerApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcLedger ledger;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager tm;

	final ObjectMapper json = new ObjectMapper();

	@Test
	void tilesCheckpointAndProofsAgreeWithTheEntries() throws Exception {
		LedgerTestSupport.appendMany(ledger, tm, "api", 700);
		ledger.sequence();
		byte[] note = mvc.perform(get("/ledger/checkpoint"))
			.andExpect(status().isOk())
			.andExpect(content().contentType("text/plain;charset=UTF-8"))
			.andReturn().getResponse().getContentAsByteArray();
		Checkpoint checkpoint = Checkpoint.parse(ledger.verifier().open(note).text());
		long size = checkpoint.size();
		MerkleTree tree = LedgerTestSupport.memoryTree(jdbc);
		assertThat(checkpoint.rootHash()).isEqualTo(tree.root(size));

		// the first level-0 tile is full: 256 leaf hashes, immutable
		byte[] tile = mvc.perform(get("/ledger/tile/0/000"))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("immutable")))
			.andReturn().getResponse().getContentAsByteArray();
		assertThat(tile).hasSize(256 * 32);
		for (int i : new int[] { 0, 1, 255 }) {
			assertThat(Arrays.copyOfRange(tile, i * 32, i * 32 + 32)).isEqualTo(MerkleTree.leafHash(entry(i)));
		}
		// the right-most level-0 tile is partial; any narrower width is its prefix
		long last = (size - 1) / 256;
		int width = (int) (size - last * 256);
		String lastPath = "/ledger/tile/0/" + TilePath.number(last);
		if (width < 256) {
			byte[] partial = mvc.perform(get(lastPath + ".p/" + width)).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsByteArray();
			assertThat(Arrays.copyOfRange(partial, (width - 1) * 32, width * 32)).isEqualTo(MerkleTree.leafHash(entry(size - 1)));
			mvc.perform(get(lastPath)).andExpect(status().isNotFound());
			mvc.perform(get(lastPath + ".p/" + (width + 1 > 255 ? 255 : width + 1)))
				.andExpect(status().is(width == 255 ? 200 : 404));
		}
		// the level-1 tile holds the roots of whole level-0 tiles
		byte[] level1 = mvc.perform(get("/ledger/tile/1/000.p/" + Math.min(255, size / 256)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		assertThat(Arrays.copyOfRange(level1, 0, 32)).isEqualTo(new Tile(0, 0, tile).root());
		// an entry bundle: uint16 length and bytes per entry
		ByteBuffer bundle = ByteBuffer.wrap(mvc.perform(get("/ledger/tile/entries/000"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
		for (int i = 0; i < 256; i++) {
			byte[] e = new byte[bundle.getShort() & 0xffff];
			bundle.get(e);
			assertThat(MerkleTree.leafHash(e)).isEqualTo(Arrays.copyOfRange(tile, i * 32, i * 32 + 32));
		}
		assertThat(bundle.remaining()).isZero();

		long index = size - 300;
		JsonNode proof = json.readTree(mvc.perform(get("/ledger/proof/inclusion?index=" + index + "&size=" + size))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
		new InclusionProof(proof.get("index").asLong(), proof.get("treeSize").asLong(), hashes(proof.get("path")))
			.verify(MerkleTree.leafHash(entry(index)), checkpoint.rootHash());
		JsonNode consistency = json.readTree(mvc.perform(get("/ledger/proof/consistency?first=" + (size - 400) + "&second=" + size))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
		new ConsistencyProof(size - 400, size, hashes(consistency.get("path"))).verify(tree.root(size - 400), checkpoint.rootHash());
		JsonNode e = json.readTree(mvc.perform(get("/ledger/entries/" + index)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString());
		assertThat(Base64.getDecoder().decode(e.get("entry").asText())).isEqualTo(entry(index));
		assertThat(Base64.getDecoder().decode(e.get("leafHash").asText())).isEqualTo(MerkleTree.leafHash(entry(index)));
	}

	@Test
	void badRequestsGetAPreciseProblem() throws Exception {
		LedgerTestSupport.appendMany(ledger, tm, "bad", 3);
		ledger.sequence();
		long size = ledger.latestCheckpoint().orElseThrow().checkpoint().size();
		for (String[] c : new String[][] {
				{ "/ledger/proof/inclusion?index=" + size + "&size=" + size, "400", "must be below size" },
				{ "/ledger/proof/inclusion?index=0&size=" + (size + 1), "400", "beyond the latest checkpoint" },
				{ "/ledger/proof/inclusion?index=-1&size=1", "400", "decimal number" },
				{ "/ledger/proof/inclusion?index=abc&size=1", "400", "decimal number" },
				{ "/ledger/proof/inclusion?size=1", "400", "index is missing" },
				{ "/ledger/proof/inclusion?index=0&size=99999999999999999999", "400", "decimal number" },
				{ "/ledger/proof/consistency?first=0&second=" + size, "400", "must be in 1..second" },
				{ "/ledger/proof/consistency?first=2&second=1", "400", "must be in 1..second" },
				{ "/ledger/entries/" + size, "404", "no entry" },
				{ "/ledger/entries/x", "400", "decimal number" },
				{ "/ledger/tile/0/1", "400", "3 digits" },
				{ "/ledger/tile/0/x000/001", "400", "x000" },
				{ "/ledger/tile/0/000.p/0", "400", "1..255" },
				{ "/ledger/tile/0/000.p/256", "400", "1..255" },
				{ "/ledger/tile/0/000.p/01", "400", "1..255" },
				{ "/ledger/tile/64/000", "400", "0..63" },
				{ "/ledger/tile/01/000", "400", "0..63" },
				{ "/ledger/tile/0", "400", "tile number" },
				{ "/ledger/tile/0/x999/999", "404", "not in the tree" },
				{ "/ledger/tile/9/000", "404", "not in the tree" },
				{ "/ledger/tile/entries/x999/999.p/3", "404", "not in the tree" } }) {
			mvc.perform(get(c[0]))
				.andExpect(status().is(Integer.parseInt(c[1])))
				.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
				.andExpect(jsonPath("$.detail", org.hamcrest.Matchers.containsString(c[2])));
		}
	}

	@Test
	void theEndpointsAreInTheOpenApiDescription() throws Exception {
		mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/ledger/checkpoint']").exists())
			.andExpect(jsonPath("$.paths['/ledger/proof/inclusion']").exists());
	}

	private byte[] entry(long index) {
		return jdbc.queryForObject("SELECT e.entry FROM ledger_leaf l JOIN ledger_entry e ON e.id = l.entry_id WHERE l.idx = ?", byte[].class, index);
	}

	private static List<byte[]> hashes(JsonNode path) {
		List<byte[]> out = new java.util.ArrayList<>();
		path.forEach(n -> out.add(Base64.getDecoder().decode(n.asText())));
		return out;
	}
}
